//! Extraction cases as data: every `tests/testdata/*.toml` file lists real
//! sentences and the claims each must yield. One harness runs them all.

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    source: String,
    text: String,
    #[serde(default)]
    claim: Vec<Expected>,
}

#[derive(Deserialize, Debug)]
struct Expected {
    speaker: String,
    cue: String,
    outlet: String,
    claim: String,
}

fn load() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        cases.extend(file.case.into_iter().map(|c| (stem.clone(), c)));
    }
    cases
}

#[test]
fn every_case_yields_exactly_its_claims() {
    let rules = isnad::Rules::embedded();
    let cases = load();
    assert!(cases.len() >= 60, "expected at least 60 cases, found {}", cases.len());
    let mut failures = Vec::new();
    for (file, case) in &cases {
        assert!(!case.text.trim().is_empty(), "{file}/{}: the case has no text", case.name);
        let got = isnad::extract(&case.text, &rules).claims;
        let chars: Vec<char> = case.text.chars().collect();
        for c in &got {
            let slice: String = chars[c.start..c.end].iter().collect();
            assert_eq!(slice, c.claim, "{file}/{}: offsets do not slice the claim", case.name);
        }
        let found = |e: &Expected| {
            got.iter()
                .any(|c| c.claim == e.claim && c.speaker == e.speaker && c.cue == e.cue && c.outlet == e.outlet)
        };
        let missing: Vec<&Expected> = case.claim.iter().filter(|e| !found(e)).collect();
        if !missing.is_empty() || got.len() != case.claim.len() {
            let got: Vec<String> = got
                .iter()
                .map(|c| format!("[{}] {} | {} | {}", c.cue, c.speaker, c.outlet, c.claim))
                .collect();
            failures.push(format!(
                "{file}/{} ({}):\n  missing {missing:?}\n  got {got:#?}",
                case.name, case.source
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn cases_cover_every_marker_family_and_look_alike() {
    let cases = load();
    let cues: std::collections::HashSet<&str> = cases.iter().flat_map(|(_, c)| c.claim.iter().map(|e| e.cue.as_str())).collect();
    for family in [
        "قال", "أضاف", "تابع", "أكد", "أشار", "أوضح", "صرح", "ذكر", "أعلن", "رأى", "لفت", "نفى", "حذر", "نقل", "زعم", "بين", "أردف", "ختم",
        "غرد", "دعا", "وفق", "حسب", "طبقا",
    ] {
        assert!(cues.contains(family), "no case for marker {family}");
    }
    let none = cases.iter().filter(|(_, c)| c.claim.is_empty()).count();
    assert!(none >= 15, "expected look-alike cases with no claim, found {none}");
}
