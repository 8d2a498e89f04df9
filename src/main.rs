fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let rules = isnad::Rules::embedded();
    let ex = isnad::extract(&text, &rules);
    for c in ex.claims {
        println!("{} [{}|{}] {} ({:?}) title={} out={} :: {}", c.claim_id, c.cue, c.quote_type.as_str(), c.speaker, c.speaker_type, c.speaker_title, c.outlet, c.claim);
    }
    for d in ex.decisions { if d.reason != isnad::Reason::Claim { println!("  - {} {:?}", d.cue_text, d.reason); } }
}
