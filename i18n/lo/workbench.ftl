# Tualek workbench — ພາສາລາວ

welcome = ເປີດໂຄງການ ຫຼື ໂຄງການຕົວຢ່າງ ຈາກເມນູ ໄຟລ໌.
pane-empty = ເລືອກເອກະສານທາງຊ້າຍ ເພື່ອສະແດງຢູ່ບ່ອນນີ້.
error-prefix = ຜິດພາດ:
error-no-project = ກະລຸນາເປີດໂຄງການກ່ອນ ຈຶ່ງນຳເຂົ້າໄຟລ໌.
error-not-a-number = “{ $text }” ບໍ່ແມ່ນຕົວເລກ.
error-fix-needs-value = ການແກ້ໄຂຕ້ອງມີຄ່າ.
refused-no-project = ຍັງບໍ່ໄດ້ເປີດໂຄງການ.
refused-no-document = ບໍ່ມີເອກະສານໃນແຖບນີ້.
refused-select-figure = ກະລຸນາເລືອກຕົວເລກກ່ອນ (J ຫຼື N).
refused-select-text = ກະລຸນາໃຊ້ເມົ້າເລືອກຂໍ້ຄວາມກ່ອນ.
refused-select-in-both-panes = ເລືອກຕົວເລກໃນແຕ່ລະເອກະສານກ່ອນ ຈຶ່ງຈະເຊື່ອມໄດ້.
refused-open-both-panes = ເປີດເອກະສານໃນທັງສອງແຖບກ່ອນ ຈຶ່ງຈະເຊື່ອມຕົວເລກໄດ້.
refused-same-document = ທັງສອງແຖບສະແດງເອກະສານດຽວກັນ.
refused-link-to-itself = ບໍ່ສາມາດເຊື່ອມຕົວເລກກັບຕົວມັນເອງໄດ້.
refused-already-linked = ຕົວເລກເຫຼົ່ານີ້ເຊື່ອມກັນແລ້ວ.
refused-nothing-new-to-link = ບໍ່ມີຫຍັງໃໝ່ໃຫ້ເຊື່ອມ: ທຸກຄູ່ທີ່ພົບເຊື່ອມກັນແລ້ວ.
error-nothing-to-undo = ບໍ່ມີຫຍັງໃຫ້ຍ້ອນຄືນ.
error-nothing-to-redo = ບໍ່ມີຫຍັງໃຫ້ເຮັດຄືນ.
error-conflict = ໂຄງການຖືກປ່ຽນແປງລະຫວ່າງການດຳເນີນການນີ້; ບໍ່ມີຫຍັງຖືກບັນທຶກ. ກະລຸນາລອງໃໝ່.
error-locked = { $arg }: ມີໂປຣແກຣມອື່ນກຳລັງຂຽນໃສ່ໂຄງການນີ້; ກະລຸນາປິດມັນແລ້ວລອງໃໝ່.
error-read-only = { $arg }: ໄຟລ໌ໂຄງການອ່ານໄດ້ຢ່າງດຽວ.
error-no-such-project = { $arg }: ບໍ່ພົບໄຟລ໌ໂຄງການນີ້.
error-already-exists = { $arg }: ມີໄຟລ໌ຢູ່ບ່ອນນີ້ແລ້ວ; ກະລຸນາເລືອກຊື່ອື່ນ.
error-not-tualek = { $arg }: ບໍ່ແມ່ນໂຄງການ Tualek.
error-too-new = { $arg }: ສ້າງໂດຍ Tualek ລຸ້ນໃໝ່ກວ່າ; ໄຟລ໌ບໍ່ໄດ້ຖືກແຕະຕ້ອງ.
error-corrupt = { $arg }: ໄຟລ໌ໂຄງການເສຍຫາຍ.

## Menus
menu-file = ໄຟລ໌
menu-new-project = ໂຄງການໃໝ່…
menu-open-project = ເປີດໂຄງການ…
menu-open-sample = ເປີດໂຄງການຕົວຢ່າງ
menu-recent = ໂຄງການທີ່ເປີດຫຼ້າສຸດ
menu-recent-none = ຍັງບໍ່ມີໂຄງການທີ່ເປີດຫຼ້າສຸດ
menu-import-files = ນຳເຂົ້າໄຟລ໌…
menu-import-folder = ນຳເຂົ້າທັງໂຟນເດີ…
menu-export = ສົ່ງອອກຕົວເລກ…
menu-quit = ອອກ
menu-edit = ແກ້ໄຂ
menu-undo = ຍ້ອນຄືນ
menu-redo = ເຮັດຄືນ
menu-search = ຊອກຫາໃນໂຄງການ…
menu-review = ກວດສອບ
menu-view = ມຸມມອງ
menu-two-panes = ສະແດງສອງເອກະສານຄຽງກັນ
menu-dark = ພື້ນສີເຂັ້ມ
menu-zoom-in = ຂະຫຍາຍ
menu-zoom-out = ຫຍໍ້
menu-zoom-reset = ຂະໜາດປົກກະຕິ
menu-language = ພາສາ
menu-lao-digits = ສະແດງຕົວເລກເປັນເລກລາວ
menu-help = ຊ່ວຍເຫຼືອ
menu-shortcuts = ປຸ່ມລັດ

## Actions
action-confirm = ຢືນຢັນ
action-reject = ປະຕິເສດ
action-fix = ແກ້ໄຂຄ່າ
action-save-fix = ບັນທຶກການແກ້ໄຂ
action-reanchor = ຍ້າຍໄປຂໍ້ຄວາມທີ່ເລືອກ
action-add = ເພີ່ມຕົວເລກຈາກຂໍ້ຄວາມທີ່ເລືອກ
action-link = ເຊື່ອມຕົວເລກສອງຕົວທີ່ເລືອກ
action-link-all = ເຊື່ອມໂຍງຕົວເລກທີ່ກົງກັນທັງໝົດຂອງສອງເອກະສານ
action-next-unreviewed = ຕົວເລກຕໍ່ໄປທີ່ຍັງບໍ່ໄດ້ກວດ
hint-confirm = ຕົວເລກນີ້ອ່ານຖືກແລ້ວ (Enter)
hint-reject = ອັນນີ້ບໍ່ແມ່ນຕົວເລກ (X ຫຼື Delete)
hint-fix = ບັນທຶກຄ່າຂ້າງເທິງເປັນການແກ້ໄຂ (ກົດ Enter ໃນຊ່ອງ)
hint-stale = ຕົວຊອກຫາຕົວເລກລຸ້ນປັດຈຸບັນ ບໍ່ພົບຕົວເລກນີ້ອີກແລ້ວ.

## Documents panel
documents-title = ເອກະສານ
documents-filter = ກັ່ນຕອງ
documents-filter-hint = ຊື່ ຫຼື ພາສາ
documents-open-left = ເປີດໃນຊ່ອງຊ້າຍ
documents-open-right = ເປີດໃນຊ່ອງຂວາ
documents-progress = ກວດແລ້ວ { $reviewed } ຈາກ { $total }

## Inspector
inspector-no-document = ບໍ່ມີເອກະສານໃນຊ່ອງນີ້.
inspector-no-selection = ຍັງບໍ່ໄດ້ເລືອກຕົວເລກ. ກົດ J ຫຼື N ເພື່ອໄປຫາຕົວເລກ.
inspector-links = ຕົວເລກທີ່ເຊື່ອມໂຍງ
link-agrees = ຄ່າກົງກັນ
link-disagrees = ບໍ່ກົງກັນ: ບ່ອນນີ້ { $this }, ບ່ອນນັ້ນ { $other }
hint-show-linked = ສະແດງຕົວເລກນີ້
column-text = ຂໍ້ຄວາມ
column-value = ຄ່າ
column-unit = ຫົວໜ່ວຍ
column-kind = ປະເພດ
column-status = ສະຖານະ
field-value = ຄ່າ
field-value-max = ຄ່າສູງສຸດຂອງຊ່ວງ
field-kind = ປະເພດ
field-unit = ຫົວໜ່ວຍ
field-note = ໝາຍເຫດ
reviewed-by = ໂດຍ { $who }

kind-count = ຈຳນວນ
kind-money = ເງິນ
kind-percent = ເປີເຊັນ
kind-date = ວັນທີ
kind-year = ປີ
kind-duration = ໄລຍະເວລາ
kind-ordinal = ລຳດັບທີ
kind-rank = ອັນດັບ
kind-identifier = ເລກອ້າງອີງ
kind-other = ອື່ນໆ

status-unreviewed = ຍັງບໍ່ໄດ້ກວດ
status-confirmed = ຢືນຢັນແລ້ວ
status-corrected = ແກ້ໄຂແລ້ວ
status-rejected = ປະຕິເສດແລ້ວ
status-stale = ບໍ່ພົບອີກ

## Status bar
bar-figures = ຕົວເລກ { $count } ຕົວ
bar-counts = ຕົວເລກ { $count } ຕົວ · ກວດແລ້ວ { $reviewed } · ຍັງເຫຼືອ { $unreviewed }
bar-saved = ບັນທຶກແລ້ວ
bar-saving = ກຳລັງບັນທຶກ…
bar-disagreements = ມີ { $count } ຄູ່ທີ່ຄ່າບໍ່ກົງກັນ
hint-disagreements = ຕົວເລກທີ່ເຊື່ອມໂຍງກັນແຕ່ຄ່າບໍ່ກົງກັນ ຖືກຂີດກ້ອງດ້ວຍສີແດງ. ຄລິກເພື່ອເບິ່ງລາຍການ; ກົດ D ເພື່ອໄປຫາຄູ່ຕໍ່ໄປ.
bar-working = ກຳລັງດຳເນີນການ…
bar-hints = Enter ຢືນຢັນ · X ປະຕິເສດ · E ແກ້ໄຂ · J/K ເລື່ອນ · N ຕົວທີ່ຍັງເຫຼືອ · F1 ປຸ່ມທັງໝົດ

## Notices
notice-queued = ກຳລັງລໍຖ້າໃຫ້ການນຳເຂົ້າສຳເລັດ (ມີ { $count } ຄຳສັ່ງລໍຖ້າຢູ່).
notice-all-reviewed = ຕົວເລກທຸກຕົວໃນເອກະສານນີ້ ໄດ້ກວດແລ້ວ.
notice-undone = ຍ້ອນຄືນແລ້ວ: { $arg }
notice-redone = ເຮັດຄືນແລ້ວ: { $arg }
notice-busy = ຍັງມີວຽກອື່ນກຳລັງດຳເນີນຢູ່.
notice-import-cancelled = ຍົກເລີກການນຳເຂົ້າແລ້ວ, ບໍ່ມີເອກະສານໃດຖືກນຳເຂົ້າ.
notice-imported = ນຳເຂົ້າເອກະສານ { $count } ສະບັບແລ້ວ.

## Search
search-title = ຊອກຫາ
search-label = ຊອກຫາໃນທຸກເອກະສານ
search-count = ພົບ { $count } ບ່ອນ

## Background work
job-import = ກຳລັງນຳເຂົ້າ
job-progress = { $done } ຈາກ { $total } ໄຟລ໌
job-cancel = ຍົກເລີກ
job-cancelling = ກຳລັງຍົກເລີກ…

## Keyboard shortcuts
help-title = ປຸ່ມລັດ
help-footer = ປຸ່ມລັດໃຊ້ໄດ້ເມື່ອບໍ່ໄດ້ພິມຢູ່ໃນຊ່ອງຂໍ້ຄວາມ. ກົດ Esc ເພື່ອປິດໜ້າຕ່າງນີ້.
key-confirm = ຢືນຢັນຕົວເລກທີ່ເລືອກ
key-reject = ປະຕິເສດຕົວເລກທີ່ເລືອກ
key-fix = ແກ້ໄຂຄ່າ (ກົດ Enter ເພື່ອບັນທຶກ)
key-next = ຕົວເລກຕໍ່ໄປ
key-previous = ຕົວເລກກ່ອນໜ້າ
key-next-unreviewed = ຕົວເລກຕໍ່ໄປທີ່ຍັງບໍ່ໄດ້ກວດ
key-switch-pane = ສະຫຼັບລະຫວ່າງສອງເອກະສານ
key-reanchor = ຍ້າຍຕົວເລກທີ່ເລືອກໄປຫາຂໍ້ຄວາມທີ່ເລືອກ
key-add = ເພີ່ມຂໍ້ຄວາມທີ່ເລືອກເປັນຕົວເລກ
key-link = ເຊື່ອມຕົວເລກທີ່ເລືອກໃນທັງສອງເອກະສານ
key-link-all = ເຊື່ອມໂຍງແຕ່ລະຕົວເລກຂອງເອກະສານໜຶ່ງ ກັບຕົວທີ່ກົງກັນໃນອີກເອກະສານ
key-undo = ຍ້ອນຄືນ
key-redo = ເຮັດຄືນ
key-search = ຊອກຫາໃນໂຄງການ
key-help = ສະແດງລາຍການນີ້
key-zoom-in = ຂະຫຍາຍ
key-zoom-out = ຫຍໍ້

## Notes, history, zoom, languages, units (issue 10: review loop)
refused-note-unchanged = ໝາຍເຫດບໍ່ໄດ້ປ່ຽນແປງ.
field-note-hint = ເປັນຫຍັງ ຫຼື ຕ້ອງກວດຫຍັງ
action-save-note = ບັນທຶກໝາຍເຫດ
hint-save-note = ເກັບໝາຍເຫດໄວ້ ໂດຍບໍ່ປ່ຽນສະຖານະຂອງຕົວເລກ (ກົດ Enter ໃນຊ່ອງໝາຍເຫດ)
notice-note-saved = ບັນທຶກໝາຍເຫດແລ້ວ.
key-zoom-reset = ຂະໜາດປົກກະຕິ
history-review-confirm = ການຢືນຢັນ { $subject }
history-review-reject = ການປະຕິເສດ { $subject }
history-review-fix = ການແກ້ໄຂ { $subject }
history-figure-add = ການເພີ່ມຕົວເລກ { $subject }
history-figure-reanchor = ການຍ້າຍ { $subject }
history-figure-note = ໝາຍເຫດຂອງ { $subject }
history-link-add = ການເຊື່ອມສອງຕົວເລກ
history-link-align = ການເຊື່ອມຕົວເລກທີ່ກົງກັນທັງໝົດ
history-link-status = ການໝາຍການເຊື່ອມ
history-link-relation = ການປ່ຽນຄວາມສຳພັນຂອງການເຊື່ອມ
history-link-remove = ການຍົກເລີກການເຊື່ອມ
history-document-set = ການປ່ຽນຊື່ ຫຼື ພາສາຂອງ { $subject }
history-document-split = ການແຍກ { $subject }
history-import = ການນຳເຂົ້າ
history-extract = ການແລ່ນຕົວຊອກຫາຕົວເລກຄືນໃໝ່
history-other = { $action } { $subject }
no-year = ບໍ່ມີປີ
## Links
notice-linked-translation = ເຊື່ອມໂຍງແລ້ວ ເປັນຄຳແປ.
notice-linked-source = ເຊື່ອມໂຍງແລ້ວ ເປັນຂໍ້ອ້າງ ແລະ ແຫຼ່ງທີ່ມາ.
notice-linked-same = ເຊື່ອມໂຍງແລ້ວ ເປັນຂໍ້ມູນດຽວກັນຈາກສອງແຫຼ່ງ.
notice-linked-all-translation = ເຊື່ອມໂຍງແລ້ວ { $count } ຄູ່ ເປັນຄຳແປ; ຄູ່ທີ່ບໍ່ກົງກັນຖືກຂີດກ້ອງສີແດງ.
notice-linked-all-source = ເຊື່ອມໂຍງແລ້ວ { $count } ຄູ່ ເປັນຂໍ້ອ້າງ ແລະ ແຫຼ່ງທີ່ມາ; ຄູ່ທີ່ບໍ່ກົງກັນຖືກຂີດກ້ອງສີແດງ.
notice-linked-all-same = ເຊື່ອມໂຍງແລ້ວ { $count } ຄູ່ ເປັນຂໍ້ມູນດຽວກັນ; ຄູ່ທີ່ບໍ່ກົງກັນຖືກຂີດກ້ອງສີແດງ.
notice-relation-translation = ການເຊື່ອມໂຍງນີ້ ປ່ຽນເປັນ: ຄຳແປ.
notice-relation-source = ການເຊື່ອມໂຍງນີ້ ປ່ຽນເປັນ: ແຫຼ່ງທີ່ມາ.
notice-relation-same = ການເຊື່ອມໂຍງນີ້ ປ່ຽນເປັນ: ຂໍ້ມູນດຽວກັນ.
notice-unlinked = ຍົກເລີກການເຊື່ອມໂຍງແລ້ວ (ກົດ Ctrl+Z ເພື່ອເອົາຄືນ).
notice-no-disagreements = ໃນເອກະສານນີ້ ບໍ່ມີຕົວເລກທີ່ເຊື່ອມໂຍງແລ້ວຄ່າບໍ່ກົງກັນ.
relation-translation = ຄຳແປ
relation-source = ແຫຼ່ງທີ່ມາ
relation-same = ຂໍ້ມູນດຽວກັນ
field-relation = ຄວາມສຳພັນ
action-unlink = ຍົກເລີກການເຊື່ອມ
hint-unlink = ລຶບການເຊື່ອມໂຍງນີ້ (ກົດ Ctrl+Z ເພື່ອເອົາຄືນ)
action-next-disagreement = ຄູ່ທີ່ບໍ່ກົງກັນຕໍ່ໄປ
action-previous-disagreement = ຄູ່ທີ່ບໍ່ກົງກັນກ່ອນໜ້າ
action-show-disagreements = ສະແດງຄູ່ທີ່ຄ່າບໍ່ກົງກັນ…
menu-link-as-auto = ເຊື່ອມເປັນ: ຕາມພາສາ (ຕ່າງພາສາ ເປັນຄຳແປ, ພາສາດຽວກັນ ເປັນຂໍ້ມູນດຽວກັນ)
menu-link-as-translation = ເຊື່ອມເປັນຄຳແປ
menu-link-as-source = ເຊື່ອມເປັນແຫຼ່ງທີ່ມາ (ຂໍ້ອ້າງ ແລະ ແຫຼ່ງທີ່ມັນອ້າງເຖິງ)
menu-link-as-same = ເຊື່ອມເປັນຂໍ້ມູນດຽວກັນ (ຈາກສອງແຫຼ່ງ)
key-next-disagreement = ຕົວເລກຕໍ່ໄປທີ່ຄ່າບໍ່ກົງກັບຕົວທີ່ເຊື່ອມໂຍງ (ສະແດງຄູ່ຂອງມັນຢູ່ຂ້າງໆ)
key-previous-disagreement = ຕົວເລກກ່ອນໜ້າທີ່ຄ່າບໍ່ກົງກັບຕົວທີ່ເຊື່ອມໂຍງ
disagreements-title = ຄູ່ທີ່ຄ່າບໍ່ກົງກັນ
disagreements-none = ບໍ່ມີຕົວເລກທີ່ເຊື່ອມໂຍງກັນແລ້ວຄ່າບໍ່ກົງກັນ.
disagreements-show = ສະແດງ
hint-show-pair = ສະແດງທັງສອງຕົວເລກຄຽງກັນ
column-document = ເອກະສານ
column-relation = ຄວາມສຳພັນ
## Documents: title, language, split
documents-rename = ປ່ຽນຊື່…
documents-title-field = ຊື່ເອກະສານ
documents-rename-hint = Enter ບັນທຶກ, Esc ຍົກເລີກ
documents-language = ພາສາ
documents-split = ແຍກເອກະສານຢູ່ແຖວທີ່ເລືອກ
document-split-here = ແຍກເອກະສານຢູ່ບ່ອນນີ້
hint-split = ຂໍ້ຄວາມຕັ້ງແຕ່ຕົ້ນແຖວນີ້ໄປ ພ້ອມທັງຕົວເລກຂອງມັນ ຈະກາຍເປັນເອກະສານໃໝ່ (Ctrl+Z ເພື່ອຍ້ອນຄືນ)
lang-en = ອັງກິດ
lang-lo = ລາວ
lang-th = ໄທ
lang-zh = ຈີນ
lang-vi = ຫວຽດນາມ
lang-km = ຂະແມ
lang-und = ບໍ່ໄດ້ລະບຸ
refused-split-where = ກະລຸນາຄລິກ ຫຼື ເລືອກຂໍ້ຄວາມ ຢູ່ແຖວທີ່ສ່ວນທີສອງເລີ່ມຕົ້ນ.
refused-split-first-line = ແຖວທຳອິດບໍ່ສາມາດເປັນຈຸດເລີ່ມຂອງສ່ວນທີສອງໄດ້: ກະລຸນາເລືອກແຖວຕໍ່ໄປ.
notice-split = ແຍກເປັນສອງແລ້ວ: ສ່ວນທີ່ເຫຼືອແມ່ນ “{ $arg }”.
key-rename = ປ່ຽນຊື່ເອກະສານທີ່ສະແດງຢູ່ໃນຊ່ອງທີ່ໃຊ້ງານຢູ່
## File dialogs and export
dialog-fallback-none = ບໍ່ພົບໜ້າຕ່າງເລືອກໄຟລ໌ຂອງລະບົບ (xdg desktop portal ຫຼື zenity), ສະນັ້ນ Tualek ຈຶ່ງໃຊ້ໜ້າຕ່າງເລືອກໄຟລ໌ຂອງຕົນເອງ.
dialog-fallback-asked = ໃຊ້ໜ້າຕ່າງເລືອກໄຟລ໌ຂອງ Tualek ເອງ ຕາມທີ່ TUALEK_FILE_DIALOG=builtin ກຳນົດໄວ້.
chooser-path = ເສັ້ນທາງ
chooser-parent = ໂຟນເດີຂັ້ນເທິງ
chooser-home = ໂຟນເດີຫຼັກ
chooser-show-all = ສະແດງທຸກໄຟລ໌
chooser-open = ເປີດ
chooser-save = ບັນທຶກ
chooser-choose-folder = ເລືອກໂຟນເດີນີ້
chooser-cancel = ຍົກເລີກ
chooser-hint = Tab ຕື່ມຊື່ໃຫ້ຄົບ, Enter ເປີດ, Esc ຍົກເລີກ.
chooser-hint-files = ຄລິກໄຟລ໌ເພື່ອເລືອກຫຼາຍໄຟລ໌; Tab ຕື່ມຊື່ໃຫ້ຄົບ, Enter ເປີດ, Esc ຍົກເລີກ.
chooser-ticked = ເລືອກແລ້ວ { $count } ໄຟລ໌
chooser-nothing = ບໍ່ມີຫຍັງກົງກັນຢູ່ບ່ອນນີ້.
chooser-not-found = ບໍ່ພົບໄຟລ໌: { $arg }
chooser-not-a-folder = ບໍ່ແມ່ນໂຟນເດີ: { $arg }
chooser-no-folder = ບໍ່ມີໂຟນເດີນີ້: { $arg }
chooser-replace = { $arg } ມີຢູ່ແລ້ວ: ກົດ Enter ຫຼື ບັນທຶກ ອີກເທື່ອໜຶ່ງ ເພື່ອຂຽນທັບ.
chooser-exists = { $arg } ມີຢູ່ແລ້ວ: ກະລຸນາເລືອກຊື່ອື່ນ.
chooser-unreadable = ອ່ານໂຟນເດີນີ້ບໍ່ໄດ້: { $arg }
export-title = ສົ່ງອອກຕົວເລກ
export-format = ຮູບແບບໄຟລ໌
format-jsonl = JSON Lines (.jsonl)
format-csv = CSV (.csv)
export-statuses = ຕົວເລກທີ່
export-documents = ຈາກເອກະສານ
export-documents-all = ທັງໝົດ
export-documents-none = ບໍ່ເອົາຈັກອັນ
export-count = ຈະຂຽນ { $count } ຕົວເລກ.
export-go = ສົ່ງອອກ…
export-cancel = ຍົກເລີກ
export-where = ສົ່ງອອກຕົວເລກໄປທີ່
notice-exported-figures = ຂຽນ { $count } ຕົວເລກໄປທີ່ { $arg } ແລ້ວ
key-new-project = ໂຄງການໃໝ່
key-open-project = ເປີດໂຄງການ
key-import-files = ນຳເຂົ້າໄຟລ໌
key-export = ສົ່ງອອກຕົວເລກ

## Claims: reviewer decisions
refused-claim-too-few = ຂໍ້ອ້າງຕ້ອງມີຢ່າງໜ້ອຍສອງຕົວເລກ.
refused-claim-one-document = ຕົວເລກຂອງຂໍ້ອ້າງຕ້ອງມາຈາກຢ່າງໜ້ອຍສອງເອກະສານ.
refused-claim-accepted-already = ຂໍ້ອ້າງນີ້ຖືກຮັບແລ້ວ.
refused-claim-apart-already = ຕົວເລກເຫຼົ່ານີ້ຖືກແຍກອອກຈາກກັນແລ້ວ.
refused-claim-joined = ຜູ້ກວດໄດ້ລວມຕົວເລກເຫຼົ່ານີ້ແລ້ວ: ໃຫ້ແຍກຕົວເລກໜຶ່ງອອກຈາກຂໍ້ອ້າງແທນ.
refused-claim-merge-itself = ນີ້ແມ່ນຂໍ້ອ້າງດຽວກັນແລ້ວ.
refused-claim-linked-otherwise = ຕົວເລກເຫຼົ່ານີ້ເຊື່ອມກັນເປັນການແປ ຫຼື ແຫຼ່ງທີ່ມາແລ້ວ: ໃຫ້ປ່ຽນການເຊື່ອມນັ້ນເປັນ “ຂໍ້ມູນດຽວກັນ” ເພື່ອຮັບຂໍ້ອ້າງ.
history-claim-accept = ການຮັບຂໍ້ອ້າງ
history-claim-dismiss = ການປັດຕົກຂໍ້ອ້າງທີ່ສະເໜີ
history-claim-split = ການແຍກຕົວເລກອອກຈາກຂໍ້ອ້າງ
history-claim-merge = ການລວມສອງຂໍ້ອ້າງ
history-claim-note = ໝາຍເຫດຂອງຂໍ້ອ້າງ

## Fact-check report
menu-export-report = ສົ່ງອອກລາຍງານ…
report-where = ສົ່ງອອກລາຍງານການກວດສອບຂໍ້ເທັດຈິງໄປທີ່
notice-report-written = ຂຽນລາຍງານ { $count } ຂໍ້ອ້າງໄປທີ່ { $arg } ແລ້ວ
