//! The English and Lao translations define the same messages with the same variables.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use tualek::i18n::Locale;

fn variables_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => variables_of_inline(i, out),
    }
}

fn variables_of_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (name, source) in locale.sources() {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, e)| panic!("{}/{name}: {e:?}", locale.tag()));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_of_pattern(v, &mut vars);
                }
                assert!(
                    all.insert(m.id.name.to_string(), vars).is_none(),
                    "{} defined twice",
                    m.id.name
                );
            }
        }
    }
    all
}

#[test]
fn english_and_lao_define_the_same_messages_and_variables() {
    let en = messages(Locale::En);
    let lo = messages(Locale::Lo);
    let en_ids: BTreeSet<_> = en.keys().collect();
    let lo_ids: BTreeSet<_> = lo.keys().collect();
    assert_eq!(
        en_ids.difference(&lo_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in lo"
    );
    assert_eq!(
        lo_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in en"
    );
    for (id, vars) in &en {
        assert_eq!(vars, &lo[id], "variables of {id}");
    }
    assert!(en.len() > 100, "{} messages", en.len());
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let en = messages(Locale::En);
    let mut missing = Vec::new();
    for entry in walk("src") {
        let code = std::fs::read_to_string(&entry).unwrap();
        for (i, _) in code
            .match_indices(".t(\"")
            .chain(code.match_indices(".t_args(\""))
            .chain(code.match_indices("Info(\""))
            .chain(code.match_indices("Count(\""))
            .chain(code.match_indices("Notice::Failed(\""))
        {
            let rest = &code[i..];
            let start = rest.find('"').unwrap() + 1;
            let id = &rest[start..start + rest[start..].find('"').unwrap()];
            if id.contains('{') || id.is_empty() {
                continue;
            }
            if !en.contains_key(id) {
                missing.push(format!("{}: {id}", entry.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages used but not defined: {missing:?}"
    );
    for refusal in tualek::app::Refusal::ALL {
        assert!(en.contains_key(refusal.message_id()), "{refusal:?}");
    }
    for kind in tualek::model::Kind::ALL {
        assert!(en.contains_key(&format!("kind-{kind}")), "kind-{kind}");
    }
    for status in tualek::model::Status::ALL {
        assert!(
            en.contains_key(&format!("status-{status}")),
            "status-{status}"
        );
    }
}

fn walk(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(p.to_str().unwrap()));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}
