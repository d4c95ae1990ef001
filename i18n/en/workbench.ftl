# Tualek workbench — English

welcome = Open a project or the sample from the File menu.
pane-empty = Choose a document on the left to show it here.
error-prefix = Error:
error-no-project = Open a project before importing files.
error-not-a-number = “{ $text }” is not a number.
error-fix-needs-value = A fix needs a value.
refused-no-project = No project is open.
refused-no-document = There is no document in this pane.
refused-select-figure = Select a figure first (J or N).
refused-select-text = Select some text with the mouse first.
refused-select-in-both-panes = Select a figure in each document to link them.
refused-open-both-panes = Open a document in each pane to link their figures.
refused-same-document = Both panes show the same document.
refused-link-to-itself = A figure cannot be linked to itself.
refused-already-linked = These figures are linked already.
refused-nothing-new-to-link = Nothing new to link: every pair found is linked already.
error-nothing-to-undo = Nothing to undo.
error-nothing-to-redo = Nothing to redo.
error-conflict = The project changed under this action; nothing was written. Try again.
error-locked = { $arg }: another program is writing to this project; close it there and try again.
error-read-only = { $arg }: the project file is read-only.
error-no-such-project = { $arg }: no such project file.
error-already-exists = { $arg }: a file is already there; choose another name.
error-not-tualek = { $arg }: not a Tualek project.
error-too-new = { $arg }: made by a newer Tualek; the file was left untouched.
error-corrupt = { $arg }: the project file is damaged.

## Menus
menu-file = File
menu-new-project = New project…
menu-open-project = Open project…
menu-open-sample = Open the sample project
menu-recent = Recent projects
menu-recent-none = No recent projects
menu-import-files = Import files…
menu-import-folder = Import a folder…
menu-export = Export figures…
menu-quit = Quit
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-search = Search the project…
menu-review = Review
menu-view = View
menu-two-panes = Two documents side by side
menu-dark = Dark theme
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size
menu-language = Language
menu-lao-digits = Show numbers in Lao digits
menu-help = Help
menu-shortcuts = Keyboard shortcuts

## Actions
action-confirm = Confirm
action-reject = Reject
action-fix = Fix the value
action-save-fix = Save fix
action-reanchor = Re-anchor to selection
action-add = Add figure from selection
action-link = Link the two selected figures
action-link-all = Link all matching figures of the two documents
action-next-unreviewed = Next unreviewed figure
hint-confirm = The figure is read right (Enter)
hint-reject = This is no figure (X or Delete)
hint-fix = Store the values above as a correction (Enter in a field)
hint-stale = The current extractor no longer finds this figure.

## Documents panel
documents-title = Documents
documents-filter = Filter
documents-filter-hint = title or language
documents-open-left = Open in the left pane
documents-open-right = Open in the right pane
documents-progress = { $reviewed } of { $total } reviewed

## Inspector
inspector-no-document = No document in this pane.
inspector-no-selection = No figure selected. Press J or N to go to one.
inspector-links = Linked figures
link-agrees = same value
link-disagrees = disagrees: { $this } here, { $other } there
hint-show-linked = Show this figure
column-text = Text
column-value = Value
column-unit = Unit
column-kind = Kind
column-status = Status
field-value = Value
field-value-max = Range end
field-kind = Kind
field-unit = Unit
field-note = Note
reviewed-by = by { $who }

kind-count = count
kind-money = money
kind-percent = percent
kind-date = date
kind-year = year
kind-duration = duration
kind-ordinal = ordinal
kind-rank = rank
kind-identifier = identifier
kind-other = other

status-unreviewed = unreviewed
status-confirmed = confirmed
status-corrected = corrected
status-rejected = rejected
status-stale = stale

## Status bar
bar-figures = { $count ->
    [one] { $count } figure
   *[other] { $count } figures
}
bar-counts = { $count ->
    [one] { $count } figure
   *[other] { $count } figures
} · { $reviewed } reviewed · { $unreviewed } to do
bar-saved = Saved
bar-saving = Saving…
bar-disagreements = { $count ->
    [one] { $count } link disagrees
   *[other] { $count } links disagree
}
hint-disagreements = Linked figures that state different values are underlined in red. Click to list them; D goes to the next one.
bar-working = Working…
bar-hints = Enter confirm · X reject · E fix · J/K move · N next to do · F1 all keys

## Notices
notice-queued = { $count ->
    [one] Waiting for the import to finish ({ $count } action queued).
   *[other] Waiting for the import to finish ({ $count } actions queued).
}
notice-all-reviewed = Every figure in this document has been reviewed.
notice-undone = Undone: { $arg }
notice-redone = Redone: { $arg }
notice-busy = Another task is still running.
notice-import-cancelled = Import cancelled; nothing was imported.
notice-imported = { $count ->
    [one] Imported { $count } document.
   *[other] Imported { $count } documents.
}

## Search
search-title = Search
search-label = Find in all documents
search-count = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}

## Background work
job-import = Importing
job-progress = { $done } of { $total } files
job-cancel = Cancel
job-cancelling = Cancelling…

## Keyboard shortcuts
help-title = Keyboard shortcuts
help-footer = Shortcuts work whenever the cursor is not in a text field. Esc closes this window.
key-confirm = Confirm the selected figure
key-reject = Reject the selected figure
key-fix = Edit the value (Enter saves it as a fix)
key-next = Next figure
key-previous = Previous figure
key-next-unreviewed = Next unreviewed figure
key-switch-pane = Switch between the two documents
key-reanchor = Move the selected figure to the selected text
key-add = Add the selected text as a figure
key-link = Link the figures selected in both documents
key-link-all = Link every figure of one document to the one answering it in the other
key-undo = Undo
key-redo = Redo
key-search = Search the project
key-help = Show this list
key-zoom-in = Zoom in
key-zoom-out = Zoom out

## Notes, history, zoom, languages, units (issue 10: review loop)
refused-note-unchanged = The note is unchanged.
field-note-hint = why, or what to check
action-save-note = Save note
hint-save-note = Keep the note without changing the figure's status (Enter in the note field)
notice-note-saved = Note saved.
key-zoom-reset = Actual size
history-review-confirm = confirm { $subject }
history-review-reject = reject { $subject }
history-review-fix = fix { $subject }
history-figure-add = add figure { $subject }
history-figure-reanchor = re-anchor { $subject }
history-figure-note = note on { $subject }
history-link-add = link two figures
history-link-align = link all matching figures
history-link-status = mark a link
history-link-relation = change a link's relation
history-link-remove = unlink two figures
history-document-set = rename or re-tag { $subject }
history-document-split = split { $subject }
history-import = import
history-extract = re-run the extractor
history-other = { $action } { $subject }
no-year = no year
## Links
notice-linked-translation = Linked as a translation pair.
notice-linked-source = Linked as a claim and its source.
notice-linked-same = Linked as the same fact from two sources.
notice-linked-all-translation = { $count ->
    [one] Linked { $count } pair of figures as a translation; a red underline marks it if they disagree.
   *[other] Linked { $count } pairs of figures as translations; a red underline marks any that disagree.
}
notice-linked-all-source = { $count ->
    [one] Linked { $count } pair of figures as a claim and its source; a red underline marks it if they disagree.
   *[other] Linked { $count } pairs of figures as claims and their sources; a red underline marks any that disagree.
}
notice-linked-all-same = { $count ->
    [one] Linked { $count } pair of figures as the same fact; a red underline marks it if they disagree.
   *[other] Linked { $count } pairs of figures as the same facts; a red underline marks any that disagree.
}
notice-relation-translation = The link now reads: translation.
notice-relation-source = The link now reads: source.
notice-relation-same = The link now reads: same fact.
notice-unlinked = Link removed (Ctrl+Z brings it back).
notice-no-disagreements = No linked figure in this document disagrees.
relation-translation = translation
relation-source = source
relation-same = same fact
field-relation = Relation
action-unlink = Unlink
hint-unlink = Remove this link (Ctrl+Z brings it back)
action-next-disagreement = Next disagreement
action-previous-disagreement = Previous disagreement
action-show-disagreements = Show disagreeing links…
menu-link-as-auto = Link as: by language (translation across languages, same fact within one)
menu-link-as-translation = Link as translation
menu-link-as-source = Link as source (a claim and what it cites)
menu-link-as-same = Link as same fact (two sources)
key-next-disagreement = Next figure whose link disagrees (its partner shown beside it)
key-previous-disagreement = Previous figure whose link disagrees
disagreements-title = Disagreeing links
disagreements-none = No linked figures disagree.
disagreements-show = Show
hint-show-pair = Show both figures side by side
column-document = Document
column-relation = Relation
## Documents: title, language, split
documents-rename = Rename…
documents-title-field = Title
documents-rename-hint = Enter saves, Esc cancels
documents-language = Language
documents-split = Split at the selected line
document-split-here = Split document here
hint-split = The text from the start of this line on, with its figures, becomes a new document (Ctrl+Z undoes it)
lang-en = English
lang-lo = Lao
lang-th = Thai
lang-zh = Chinese
lang-vi = Vietnamese
lang-km = Khmer
lang-und = Undetermined
refused-split-where = Click or select text on the line where the second part begins.
refused-split-first-line = The first line cannot begin the second part: choose a later line.
notice-split = Split in two: the rest is now “{ $arg }”.
key-rename = Rename the document shown in the active pane
## File dialogs and export
dialog-fallback-none = No system file dialog (xdg desktop portal or zenity) was found, so Tualek uses its own file chooser.
dialog-fallback-asked = Tualek's own file chooser is used, as TUALEK_FILE_DIALOG=builtin asks.
chooser-path = Path
chooser-parent = Parent folder
chooser-home = Home folder
chooser-show-all = Show all files
chooser-open = Open
chooser-save = Save
chooser-choose-folder = Choose this folder
chooser-cancel = Cancel
chooser-hint = Tab completes a name, Enter opens, Esc cancels.
chooser-hint-files = Click files to tick several; Tab completes a name, Enter opens, Esc cancels.
chooser-ticked = { $count ->
    [one] { $count } file ticked
   *[other] { $count } files ticked
}
chooser-nothing = Nothing here matches.
chooser-not-found = No such file: { $arg }
chooser-not-a-folder = Not a folder: { $arg }
chooser-no-folder = The folder does not exist: { $arg }
chooser-replace = { $arg } exists already: press Enter or Save again to replace it.
chooser-exists = { $arg } exists already: choose another name.
chooser-unreadable = Cannot read this folder: { $arg }
export-title = Export figures
export-format = Format
format-jsonl = JSON Lines (.jsonl)
format-csv = CSV (.csv)
export-statuses = Figures that are
export-documents = From the documents
export-documents-all = All
export-documents-none = None
export-count = { $count ->
    [one] { $count } figure will be written.
   *[other] { $count } figures will be written.
}
export-go = Export…
export-cancel = Cancel
export-where = Export figures to
notice-exported-figures = { $count ->
    [one] Wrote { $count } figure to { $arg }
   *[other] Wrote { $count } figures to { $arg }
}
key-new-project = New project
key-open-project = Open a project
key-import-files = Import files
key-export = Export figures

## Claims panel
menu-claims = Claims
menu-next-claim = Next claim
menu-previous-claim = Previous claim
menu-accept-claim = Accept claim
menu-dismiss-claim = Dismiss claim
menu-split-claim = Split figure out of claim
key-toggle-claims = Open or close the Claims panel
key-next-claim = Next claim (its two sources side by side)
key-previous-claim = Previous claim
key-accept-claim = Accept the selected claim
key-dismiss-claim = Dismiss the selected claim
key-split-claim = Split the selected figure out of its claim
claims-title = Claims across sources
claims-count = { $shown } of { $count }
claims-show-all = All
claims-show-disagreeing = Disagreeing
claims-show-suggested = Suggested
claims-show-accepted = Accepted
claims-filter = Filter claims
claims-filter-hint = words, documents
claims-close = Close
claims-hint-close = Close the Claims panel (C)
claims-none = No claims yet: no two documents state the same kind of figure about the same thing.
claims-none-match = No claim matches the filter.
claims-column-verdict = Verdict
claims-column-claim = Claim
claims-column-values = Values by source
claims-column-state = State
claims-verdict-agrees = agrees
claims-verdict-rounding = agrees within rounding
claims-verdict-hedged = hedged
claims-verdict-disagrees = disagrees
claims-state-suggested = suggested
claims-state-accepted = accepted
claims-no-description = figures
claims-reason-same-noun = same counted noun { $noun }
claims-reason-related-nouns = related nouns { $a } and { $b }
claims-reason-same-time = same time { $time }
claims-reason-shared-words = shared words { $words }
claims-reason-same-value = same value
claims-reason-accepted = accepted by a reviewer
claims-rounder = { $value } is the rounder figure.
claims-split = Split out
claims-hint-split = Take this figure out of the claim (Shift+S for the selected figure)
claims-side-by-side = Side by side:
claims-accept = Accept
claims-hint-accept = The figures state one fact: link them as the same fact (Shift+A)
claims-dismiss = Dismiss
claims-hint-dismiss = Not the same fact: never propose this claim again (Shift+X)
claims-merge = Merge with…
claims-hint-merge = Join another claim to this one
claims-note = Claim note
claims-note-hint = why the sources differ
claims-save-note = Save note
claims-hint-note = Save the note on this claim (Enter does too)
notice-no-claims = No claims to go to.
notice-claim-accepted = Claim accepted: its figures are linked as the same fact.
notice-claim-dismissed = Claim dismissed: it will not be proposed again.
notice-claim-split = Figure split out of the claim.
notice-claim-merged = Claims merged.
notice-claim-note-saved = Note saved on the claim.
error-select-claim = Select a claim first (Claims panel, or ] for the next one).
error-claim-split-which = Select one of the claim’s figures to split it out.
claims-left = Left
claims-right = Right

## Claims: reviewer decisions
refused-claim-too-few = A claim needs at least two figures.
refused-claim-one-document = A claim’s figures must come from at least two documents.
refused-claim-accepted-already = This claim is accepted already.
refused-claim-apart-already = These figures are kept apart already.
refused-claim-joined = A reviewer joined these figures: split a figure out of the claim instead.
refused-claim-merge-itself = These are one claim already.
refused-claim-linked-otherwise = These figures are linked as a translation or a source already: make that link a “same fact” link to accept the claim.
history-claim-accept = accept a claim
history-claim-dismiss = dismiss a suggested claim
history-claim-split = split a figure out of a claim
history-claim-merge = merge two claims
history-claim-note = note on a claim

## Fact-check report
menu-export-report = Export report…
report-where = Export the fact-check report to
notice-report-written = { $count ->
    [one] Wrote the report of { $count } claim to { $arg }
   *[other] Wrote the report of { $count } claims to { $arg }
}

## Translation QA
menu-qa = Translation QA
menu-qa-pair = Translation QA of…
menu-next-problem = Next segment with a problem
menu-previous-problem = Previous segment with a problem
menu-accept-segment = Accept the selected segment
key-toggle-qa = open or close the translation QA view
key-next-problem = next segment with a problem (source and target side by side)
key-previous-problem = previous segment with a problem
key-accept-segment = accept the selected segment, with the note typed (QA view open)
qa-title = Translation QA
qa-pair = { $source } › { $target }
qa-hint-pair = The pair checked: click to check another pair with stored segments
qa-count = { $shown } of { $count } segments
qa-show-all = All
qa-show-problems = Problems
qa-show-accepted = Accepted
qa-close = Close
qa-hint-close = Close the translation QA view (Q)
qa-sentences = No stored segments: the two documents’ sentences are aligned now, for a look only; a segment can be accepted only in a pair imported with its segments.
qa-none = This pair has no segments.
qa-none-match = No segment matches the filter.
qa-no-pairs = No document pair has stored segments yet: import a TMX or XLIFF file, or two files line by line.
qa-column-number = #
qa-column-verdict = Verdict
qa-column-source = Source
qa-column-target = Target
qa-column-review = Accepted by
qa-verdict-ok = ok
qa-verdict-mismatch = mismatch
qa-verdict-missing = missing
qa-verdict-extra = extra
qa-verdict-unaligned = unaligned
qa-role-matched = matched
qa-role-mismatched = mismatch
qa-role-missing = missing in the target
qa-role-extra = extra in the target
qa-segment = Segment { $number }
qa-accepted-by = accepted by { $who }
qa-accepted-by-note = accepted by { $who }: “{ $note }”
qa-accept = Accept
qa-save-note = Save note
qa-hint-accept = The figures differ on purpose (a unit converted, a figure left out): accept the segment as it is, with the note (Shift+Enter)
qa-hint-sentences = Sentences aligned now cannot be accepted: import the pair with its segments
qa-flag-again = Flag again
qa-hint-flag-again = Take the acceptance back: the segment is a problem again
qa-show-in-panes = Show in documents
qa-hint-show = The source in the left pane, the target in the right, at the segment’s first figure
qa-note = Segment note
qa-note-hint = why the figures differ
qa-no-figures = No figures in this segment.
bar-qa-counts = QA: { $ok } ok · { $mismatch } mismatch · { $missing } missing · { $extra } extra · { $accepted } accepted
hint-qa-counts = The segments of the pair in the QA view, by verdict (accepted problems counted apart)
notice-qa-no-problems = No segment with a problem in this pair.
notice-segment-accepted = Segment { $arg } accepted.
notice-segment-flagged = Segment { $arg } is flagged again.
error-select-segment = Select a segment first (QA view, or F8 for the next problem).
error-qa-no-pair = Open two documents, or import a translation pair, to check its figures.
history-segment-accept = accept segment { $subject }
history-segment-unaccept = flag segment { $subject } again
refused-segments-not-stored = These documents have no stored segments: only a pair imported with its segments can have a segment accepted.
refused-segment-not-flagged = This segment has no problem to accept.
refused-segment-not-accepted = This segment is not accepted.
refused-split-segmented = This document is one side of an aligned translation pair: splitting it would break its segments.

## Gold-standard exports
format-spacy = spaCy JSON Lines (.jsonl)
format-prodigy = Prodigy JSON Lines (.jsonl)
format-doccano = doccano JSON Lines (.jsonl)
format-brat = brat standoff (a folder)
format-webanno = W3C Web Annotation (.jsonld)
format-tmx = TMX of linked sentences (.tmx)
format-labelstudio = Label Studio tasks (.json)
export-gold-note = Gold-standard formats write whole documents with their figures, and a dataset card (README.md, croissant.json) beside them.
job-export = Exporting
notice-export-cancelled = Export cancelled; nothing was written.
menu-check-project = Check project file
job-check = Checking the project file
notice-check-ok = The project file is sound: every page, every reference and the schema checked.
notice-check-damaged = The project file is damaged (first problem: { $arg }); `tualek check` lists every problem. Work on a copy from a backup.
notice-check-cancelled = Check cancelled; nothing was changed.
job-open = Opening the project
notice-open-cancelled = Opening cancelled; the project open before stays open.
menu-import-annotations = Import annotations…
notice-imported-annotations = { $count ->
    [one] Imported { $count } figure from { $arg }, unreviewed.
   *[other] Imported { $count } figures from { $arg }, unreviewed.
}
notice-annotations-unknown = { $arg } is not an annotation file Tualek reads (Tualek, spaCy or Prodigy JSON Lines, brat, Label Studio, doccano).
history-annotations-import = import annotations
