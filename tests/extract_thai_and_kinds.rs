mod common;

use common::figures::dec;
use tualek::extract::{extract, records};
use tualek::model::{Decimal, Kind};

#[test]
fn thai_digits() {
    let t = "ราคา ๑๒๕ บาท";
    let f = extract(t);
    assert_eq!(f.len(), 1);
    assert_eq!(&t[f[0].start..f[0].end], "๑๒๕");
    assert_eq!((f[0].kind, f[0].value), (Kind::Money, Some(dec("125"))));
    assert_eq!(f[0].unit.as_deref(), Some("THB"));
    let t = "พ.ศ. ๒๕๖๗";
    let f = extract(t);
    assert_eq!((f[0].kind, f[0].value), (Kind::Year, Some(dec("2567"))));
}

#[test]
fn values_are_exact_decimals() {
    let f = extract("a total of 0.1 and 1234567890.123456789");
    assert_eq!(f[0].value, Some(dec("0.1")));
    assert_eq!(f[1].value, Some(dec("1234567890.123456789")));
}

#[test]
fn records_are_in_code_points() {
    let text = "ເງິນ 1,250 ລ້ານກີບ";
    let r = records("doc.txt", text);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].start, r[0].end), (5, 15));
    assert_eq!(r[0].text, "1,250 ລ້ານ");
    let json = serde_json::to_string(&r[0]).unwrap();
    assert!(json.contains("\"value\":1250000000"), "{json}");
    assert!(json.contains("\"kind\":\"money\""), "{json}");
}

#[test]
fn figures_are_sorted_and_disjoint_on_real_mixes() {
    let t = "In 2021, 75 ຄົນ (ຮ້ອຍລະ 20) paid $5,810 to $29,040; ສອງຮ້ອຍ ຄົນ, Tier 2.";
    let f = extract(t);
    assert!(f.len() >= 5, "{f:?}");
    for w in f.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

fn vals(t: &str) -> Vec<(String, Option<Decimal>, tualek::model::Kind)> {
    tualek::extract::extract(t)
        .into_iter()
        .map(|f| (t[f.start..f.end].to_string(), f.value, f.kind))
        .collect()
}

#[test]
fn thai_number_words() {
    use tualek::model::Kind;
    let v = vals("มีนักเรียน ยี่สิบเอ็ด คน");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!((v[0].0.as_str(), v[0].1), ("ยี่สิบเอ็ด", Some(dec("21"))));
    let v = vals("งบ สองร้อยห้าสิบล้านบาท");
    assert_eq!(v[0].1, Some(dec("250000000")), "{v:?}");
    let v = vals("ประชากร หนึ่งล้านห้าแสน คน");
    assert_eq!(v[0].1, Some(dec("1500000")), "{v:?}");
    let v = vals("ยี่สิบ");
    assert_eq!(v[0].1, Some(dec("20")), "{v:?}");
    let v = vals("เพิ่มขึ้น ร้อยละ 20 ของ");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        (v[0].0.as_str(), v[0].1, v[0].2),
        ("ร้อยละ 20", Some(dec("20")), Kind::Percent)
    );
    // สาม inside สามารถ ('can') is no three
    assert!(vals("เขาสามารถทำได้").is_empty());
}

#[test]
fn lao_digits_with_two_scales() {
    let v = vals("ງົບປະມານ 1 ລ້ານ 5 ແສນ ກີບ");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        (v[0].0.as_str(), v[0].1),
        ("1 ລ້ານ 5 ແສນ", Some(dec("1500000")))
    );
    let v = vals("2ລ້ານ3ແສນ5ໝື່ນ");
    assert_eq!(v[0].1, Some(dec("2350000")), "{v:?}");
    // a larger scale after a smaller one is a new figure
    assert_eq!(vals("5 ແສນ 2 ລ້ານ").len(), 2);
}
