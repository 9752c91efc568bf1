//! `pressrelease schema`: the printed JSON Schema accepts what `extract`
//! prints for every fixture and invented release, in every offset mode.

use crate::invented::{bin, edge_inputs, extract, inputs};

fn schema() -> serde_json::Value {
    let out = bin().arg("schema").output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn schema_is_draft_2020_12_with_field_docs() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&schema));
    let people = &schema["properties"]["people"];
    assert!(people["description"].as_str().unwrap().contains("person"));
}

#[test]
fn every_output_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut paths = inputs();
    assert!(paths.len() >= 3, "expected tests/data/*.txt at least");
    paths.extend(edge_inputs("schema"));
    let mut failures = Vec::new();
    for offsets in [
        &[][..],
        &["--offsets", "chars"],
        &["--offsets", "chars,utf16"],
    ] {
        let records = extract(offsets, &paths);
        assert_eq!(records.len(), paths.len());
        for (path, record) in paths.iter().zip(&records) {
            if record.get("error").is_some() {
                continue;
            }
            for err in validator.iter_errors(record) {
                failures.push(format!(
                    "{} {offsets:?}: {err} at {}",
                    path.display(),
                    err.instance_path()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "schema violations:\n{}",
        failures.join("\n")
    );
}

#[test]
fn schema_rejects_broken_records() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let good = serde_json::json!({
        "schema_version": 1, "source": "-", "label": null, "headline": "A Mill Opens",
        "dateline": null,
        "people": [{"name": "Ada Example", "honorifics": [], "titles": [],
            "organisations": [], "mentions": [{"text": "Ada Example", "start": 20, "end": 31}]}],
        "organisations": [], "lists": [], "contacts": [], "paragraphs": []
    });
    assert!(validator.is_valid(&good));
    // (what is broken, a JSON pointer to change, the new value or null to remove)
    let cases: &[(&str, &str, Option<serde_json::Value>)] = &[
        ("people missing", "/people", None),
        ("headline not a string", "/headline", Some(3.into())),
        (
            "no mentions",
            "/people/0/mentions",
            Some(serde_json::json!([])),
        ),
        (
            "negative offset",
            "/people/0/mentions/0/start",
            Some((-1).into()),
        ),
        ("mention without text", "/people/0/mentions/0/text", None),
        (
            "char offset not a number",
            "/people/0/mentions/0/char_start",
            Some("4".into()),
        ),
    ];
    for (what, pointer, value) in cases {
        let mut bad = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = bad.pointer_mut(parent).unwrap();
        match value {
            Some(v) => match parent {
                serde_json::Value::Object(m) => {
                    m.insert(key.to_string(), v.clone());
                }
                serde_json::Value::Array(a) => a[key.parse::<usize>().unwrap()] = v.clone(),
                _ => unreachable!(),
            },
            None => {
                parent.as_object_mut().unwrap().remove(key);
            }
        }
        assert!(!validator.is_valid(&bad), "accepted a record with {what}");
    }
}
