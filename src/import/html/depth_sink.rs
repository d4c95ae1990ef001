//! Parsing HTML with a bound on its depth, so a hostile page costs little.
//!
//! html5ever's tree builder looks through its stack of open elements for
//! each start tag, so a page of N nested elements costs N² (50 000 `<div>`s
//! took seconds). This sink wraps scraper's and notes when an element is
//! put deeper than the limit; the page is fed in small pieces and parsing
//! stops after the piece that went too deep, so the work done stays about
//! linear in the page's size whatever its nesting.

use std::borrow::Cow;
use std::cell::Cell;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// How much of the page is fed at a time: small enough that a piece adds
/// few levels past the limit, large enough that the feeding costs nothing.
const PIECE: usize = 4096;

/// The page's tree, or `None` when an element stood deeper than `limit`.
pub(super) fn parse_bounded(html: &str, limit: usize) -> Option<Html> {
    let sink = DepthSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        limit,
        too_deep: Cell::new(false),
    };
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, after) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(piece));
        if parser.tokenizer.sink.sink.too_deep.get() {
            return None;
        }
        rest = after;
    }
    parser.finish()
}

struct DepthSink {
    inner: HtmlTreeSink,
    limit: usize,
    too_deep: Cell<bool>,
}

impl DepthSink {
    /// Notes a node put under `parent` when it stands deeper than the limit.
    /// Counting the parent's ancestors costs at most `limit` steps, about
    /// what the tree builder's own scan of its stack costs at that depth.
    fn check(&self, parent: &NodeId) {
        let html = self.inner.0.borrow();
        let Some(node) = html.tree.get(*parent) else {
            return;
        };
        // The parent's ancestors end at the document node, so their count
        // is the parent's depth (an element under the document is at 1),
        // and the new node's depth is one more.
        if node.ancestors().take(self.limit).count() >= self.limit {
            self.too_deep.set(true);
        }
    }
}

impl TreeSink for DepthSink {
    type Handle = NodeId;
    type Output = Option<Html>;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Option<Html> {
        let too_deep = self.too_deep.get();
        let html = self.inner.finish();
        (!too_deep).then_some(html)
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        if let NodeOrText::AppendNode(_) = child {
            self.check(parent);
        }
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.check(prev_element);
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.inner.append_doctype_to_document(name, public, system)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.check(sibling);
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.check(new_parent);
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option)
    }
}
