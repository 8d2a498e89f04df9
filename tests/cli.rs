//! End-to-end tests of the `isnad` binary, one small work directory each.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use isnad::eval;

/// A scratch directory and a way to run `isnad` inside it.
struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&p, bytes).unwrap();
        p
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_isnad"))
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .unwrap()
    }
}

fn repo(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p).to_string_lossy().into_owned()
}

const SEED: &str = "data/000_e0453aed4e23fb67.txt";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The summary line's counts: (read, with, without, failed, claims).
fn summary(o: &Output) -> (usize, usize, usize, usize, usize) {
    let err = stderr(o);
    let line = err
        .lines()
        .find(|l| l.contains("documents read"))
        .unwrap_or_else(|| panic!("no summary in {err}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (nums[0], nums[1], nums[2], nums[3], nums[4])
}

fn rows(csv_path: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(csv_path).unwrap();
    r.records().map(Result::unwrap).collect()
}

fn score(gold: &str, pred: &Path) -> eval::Figures {
    let g = eval::read_rows(fs::File::open(gold).unwrap(), gold).unwrap();
    let p = eval::read_rows(fs::File::open(pred).unwrap(), "pred").unwrap();
    eval::score(&g, &p).figures
}

#[test]
fn seed_article_attributes_every_required_claim() {
    let wd = Workdir::new();
    let out = wd.run(&["extract", &repo(SEED), "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let f = score(&repo("data/000_e0453aed4e23fb67.gold.csv"), &wd.path("out.csv"));
    assert_eq!(f.attribution_f1, 1.0, "{f:?}");
    assert_eq!(f.outlet_accuracy, 1.0, "{f:?}");
    let claims = rows(&wd.path("out.csv"));
    assert!(claims.iter().all(|r| &r[0] == "000_e0453aed4e23fb67"));
    // The headline and the concessive وإن كان give nothing.
    assert!(claims.iter().all(|r| &r[10] != "حفظ سلام" && !r[10].contains("وإن كان ذلك")));
    assert_eq!(summary(&out), (1, 1, 0, 0, claims.len()));
}

#[test]
fn header_has_the_documented_columns() {
    let wd = Workdir::new();
    wd.run(&["extract", &repo(SEED), "-o", "out.csv", "-q"]);
    let text = fs::read_to_string(wd.path("out.csv")).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "doc_id,claim_id,speaker,speaker_type,speaker_title,speaker_mention,outlet,cue,cue_text,quote_type,claim,start,end"
    );
}

#[test]
fn dash_output_is_standard_output() {
    let wd = Workdir::new();
    let o = wd.run(&["extract", &repo(SEED), "-o", "-", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    wd.run(&["extract", &repo(SEED), "-o", "file.csv", "-q"]);
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        fs::read_to_string(wd.path("file.csv")).unwrap()
    );
    assert!(!wd.path("-").exists(), "no file named - is written");
}

#[test]
fn offsets_slice_the_claim_out_of_the_document() {
    let wd = Workdir::new();
    wd.run(&["extract", &repo(SEED), &repo("tests/data/dev.jsonl"), "-o", "out.csv", "-q"]);
    let mut texts = std::collections::HashMap::new();
    texts.insert("000_e0453aed4e23fb67".to_string(), fs::read_to_string(repo(SEED)).unwrap());
    for line in fs::read_to_string(repo("tests/data/dev.jsonl")).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        texts.insert(v["id"].as_str().unwrap().to_string(), v["text"].as_str().unwrap().to_string());
    }
    let claims = rows(&wd.path("out.csv"));
    assert!(claims.len() > 150);
    for r in claims {
        let chars: Vec<char> = texts[&r[0]].chars().collect();
        let (s, e): (usize, usize) = (r[11].parse().unwrap(), r[12].parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), r[10], "{}:{}", &r[0], &r[1]);
    }
}

/// The dev-set floor: the test fails when attribution F1 drops below it.
const DEV_ATTRIBUTION_FLOOR: f64 = 0.85;

#[test]
fn dev_set_quality_holds() {
    let wd = Workdir::new();
    wd.run(&["extract", &repo("tests/data/dev.jsonl"), "-o", "dev.csv", "-q"]);
    let f = score(&repo("tests/data/dev.gold.csv"), &wd.path("dev.csv"));
    assert!(
        f.attribution_f1 >= DEV_ATTRIBUTION_FLOOR,
        "dev attribution F1 {} < {DEV_ATTRIBUTION_FLOOR}: {f:?}",
        f.attribution_f1
    );
    assert!(f.claim_f1 >= 0.93, "dev claim F1 {}: {f:?}", f.claim_f1);
}

#[test]
fn eval_prints_what_score_py_prints() {
    let wd = Workdir::new();
    wd.run(&["extract", &repo("tests/data/dev.jsonl"), "-o", "dev.csv", "-q"]);
    let ours = wd.run(&["eval", "--gold", &repo("tests/data/dev.gold.csv"), "--pred", "dev.csv", "--errors"]);
    let theirs = Command::new("python3")
        .args([
            &repo("tests/data/score.py"),
            "--gold",
            &repo("tests/data/dev.gold.csv"),
            "--pred",
            "dev.csv",
            "--errors",
        ])
        .current_dir(wd.dir.path())
        .output()
        .expect("python3 runs the reference scorer");
    assert!(theirs.status.success(), "{}", stderr(&theirs));
    let ours = String::from_utf8(ours.stdout).unwrap();
    let theirs = String::from_utf8(theirs.stdout).unwrap();
    assert_eq!(ours.lines().last(), theirs.lines().last());
    let sorted = |s: &str| {
        let mut v: Vec<String> = s.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&ours), sorted(&theirs));
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let wd = Workdir::new();
    let input = repo("tests/data/dev.jsonl");
    wd.run(&["extract", &input, &repo(SEED), "-o", "one.csv", "--threads", "1", "-q"]);
    wd.run(&["extract", &input, &repo(SEED), "-o", "two.csv", "--threads", "2", "-q"]);
    wd.run(&["extract", &input, &repo(SEED), "-o", "four.csv", "--threads", "4", "-q"]);
    let one = fs::read(wd.path("one.csv")).unwrap();
    assert!(one.len() > 10_000);
    assert_eq!(one, fs::read(wd.path("two.csv")).unwrap());
    assert_eq!(one, fs::read(wd.path("four.csv")).unwrap());
}

#[test]
fn jsonl_output_carries_the_same_records() {
    let wd = Workdir::new();
    wd.run(&["extract", &repo(SEED), "-o", "out.csv", "-q"]);
    wd.run(&["extract", &repo(SEED), "-o", "out.jsonl", "--output-format", "jsonl", "-q"]);
    let csv_rows = rows(&wd.path("out.csv"));
    let lines: Vec<serde_json::Value> = fs::read_to_string(wd.path("out.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(csv_rows.len(), lines.len());
    for (r, j) in csv_rows.iter().zip(&lines) {
        assert_eq!(j["speaker"], r[2].to_string());
        assert_eq!(j["claim"], r[10].to_string());
        assert_eq!(j["start"].as_u64().unwrap().to_string(), r[11].to_string());
    }
}

#[test]
fn doc_ids_follow_the_input_kind() {
    let wd = Workdir::new();
    let article = fs::read_to_string(repo(SEED)).unwrap();
    wd.write("corpus/2021/a.txt", &article);
    wd.write("corpus/b.txt.gz", gz(article.as_bytes()));
    let out = wd.run(&["extract", "corpus", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: std::collections::BTreeSet<String> = rows(&wd.path("out.csv")).iter().map(|r| r[0].to_string()).collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["2021/a", "b"]);
    // A record without an id field is named FILE:LINE.
    wd.write("noid.jsonl", format!("{}\n", serde_json::json!({ "text": article })));
    wd.run(&["extract", "noid.jsonl", "-o", "noid.csv", "-q"]);
    assert!(rows(&wd.path("noid.csv")).iter().all(|r| &r[0] == "noid.jsonl:1"));
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn compressed_inputs_give_the_same_claims() {
    let wd = Workdir::new();
    let dev = fs::read(repo("tests/data/dev.jsonl")).unwrap();
    wd.write("dev.jsonl", &dev);
    wd.write("dev.jsonl.gz", gz(&dev));
    wd.write("dev.jsonl.zst", zstd::encode_all(&dev[..], 3).unwrap());
    for name in ["dev.jsonl", "dev.jsonl.gz", "dev.jsonl.zst"] {
        let out = wd.run(&["extract", name, "-o", &format!("{name}.csv"), "-q"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    }
    let plain = fs::read(wd.path("dev.jsonl.csv")).unwrap();
    assert_eq!(plain, fs::read(wd.path("dev.jsonl.gz.csv")).unwrap());
    assert_eq!(plain, fs::read(wd.path("dev.jsonl.zst.csv")).unwrap());
}

#[test]
fn csv_input_reads_one_article_a_row() {
    let wd = Workdir::new();
    let article = fs::read_to_string(repo(SEED)).unwrap();
    let mut w = csv::Writer::from_path(wd.path("in.csv")).unwrap();
    w.write_record(["id", "body"]).unwrap();
    w.write_record(["seed", article.as_str()]).unwrap();
    w.flush().unwrap();
    let out = wd.run(&["extract", "in.csv", "--text-field", "body", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let claims = rows(&wd.path("out.csv"));
    assert!(claims.len() >= 11 && claims.iter().all(|r| &r[0] == "seed"));
}

#[test]
fn trec_documents_take_their_docno_and_skip_the_headline() {
    let wd = Workdir::new();
    let out = wd.run(&["extract", &repo("tests/data/trec_AL-culture-138.txt"), "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let claims = rows(&wd.path("out.csv"));
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|r| &r[0] == "AL-culture-138-20180306"));
    // Two documents in one file, one named by an attribute.
    let body = "<DOC id=\"X1\">\n<HEADLINE>قال الوزير إن العنوان ليس خبرا</HEADLINE>\n<TEXT>\n<P>\nوقال الوزير إن الاتفاق صامد.\n</P>\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO>X2</DOCNO>\n<TEXT>\nوأكدت الوزارة أن المشروع اكتمل.\n</TEXT>\n</DOC>\n";
    wd.write("two.sgml", body);
    wd.run(&["extract", "two.sgml", "-o", "two.csv", "-q"]);
    let two = rows(&wd.path("two.csv"));
    let ids: Vec<&str> = two.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(ids, ["X1", "X2"]);
    assert!(two.iter().all(|r| !r[10].contains("العنوان")));
}

#[test]
fn windows_1256_reads_as_arabic_and_matches_its_utf8_form() {
    let wd = Workdir::new();
    let raw = fs::read(repo("tests/data/cp1256_AEC28.txt")).unwrap();
    assert!(std::str::from_utf8(&raw).is_err());
    let (utf8, _, _) = encoding_rs::WINDOWS_1256.decode(&raw);
    wd.write("legacy/AEC28.txt", &raw);
    wd.write("utf8/AEC28.txt", utf8.trim_end_matches('\0').as_bytes());
    wd.run(&["extract", "legacy", "-o", "legacy.csv", "-q"]);
    wd.run(&["extract", "utf8", "-o", "utf8.csv", "-q"]);
    let legacy = rows(&wd.path("legacy.csv"));
    assert!(!legacy.is_empty());
    assert!(
        legacy
            .iter()
            .all(|r| r[10].chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && !r[10].contains('Ã'))
    );
    assert_eq!(fs::read(wd.path("legacy.csv")).unwrap(), fs::read(wd.path("utf8.csv")).unwrap());
}

#[test]
fn excel_output_has_a_bom_and_no_live_formulas() {
    let wd = Workdir::new();
    // A real sentence whose quotation opens with a minus sign.
    wd.write("f.txt", "وقال المتحدث باسم الوزارة: \"-20 بالمئة هو تراجع الصادرات هذا العام\".\n");
    wd.run(&["extract", "f.txt", "-o", "plain.csv", "-q"]);
    wd.run(&["extract", "f.txt", "-o", "excel.csv", "--excel", "-q"]);
    let plain = fs::read_to_string(wd.path("plain.csv")).unwrap();
    let excel = fs::read(wd.path("excel.csv")).unwrap();
    assert!(plain.contains(",-20 بالمئة"));
    assert!(excel.starts_with("\u{feff}".as_bytes()));
    let excel = String::from_utf8(excel).unwrap();
    assert!(excel.contains(",'-20 بالمئة") && !excel.contains(",-20"));
}

/// A directory holding one of every kind of bad input, among good ones.
fn bad_inputs(wd: &Workdir) {
    let article = fs::read_to_string(repo(SEED)).unwrap();
    let good = serde_json::json!({ "id": "good-1", "text": article }).to_string();
    let good2 = serde_json::json!({ "id": "good-2", "text": article }).to_string();
    let mut lines = Vec::new();
    lines.extend_from_slice(good.as_bytes());
    lines.extend_from_slice(b"\n{\"id\": \"broken\", \"text\": \"\xd9\x82\xd8\xa7\xd9\x84\n");
    lines.extend_from_slice(b"{\"id\": \"no-text\", \"body\": \"x\"}\n");
    lines.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    lines.extend_from_slice(good2.as_bytes());
    lines.push(b'\n');
    wd.write("in/a_records.jsonl", lines);
    wd.write("in/b_empty.txt", "");
    wd.write("in/c_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let mut trunc = gz(format!("{good}\n{good2}\n").as_bytes());
    trunc.truncate(trunc.len() * 2 / 3);
    wd.write("in/d_truncated.jsonl.gz", trunc);
    wd.write("in/e_article.txt", &article);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(wd.path("in/missing-target.txt"), wd.path("in/f_dangling.txt")).unwrap();
        fs::create_dir_all(wd.path("in/g_loop")).unwrap();
        std::os::unix::fs::symlink(wd.path("in/g_loop"), wd.path("in/g_loop/again")).unwrap();
    }
}

#[test]
fn bad_input_is_reported_and_the_rest_is_extracted() {
    let wd = Workdir::new();
    bad_inputs(&wd);
    let out = wd.run(&["extract", "in", "-o", "out.csv", "--errors", "errors.csv"]);
    assert_eq!(out.status.code(), Some(1), "partial failure exits 1: {}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "a_records.jsonl: line 2: invalid JSON",
        "a_records.jsonl: line 3: record has no \"text\" field",
        "a_records.jsonl: line 4: invalid UTF-8 at byte",
        "b_empty.txt: empty file",
        "c_binary.txt: binary data",
        "d_truncated.jsonl.gz: line",
        "truncated or corrupt compressed data",
        "f_dangling.txt: no such file or directory",
        "symlink loop",
    ] {
        assert!(err.contains(expected), "stderr lacks {expected:?}:\n{err}");
    }
    let ids: std::collections::BTreeSet<String> = rows(&wd.path("out.csv")).iter().map(|r| r[0].to_string()).collect();
    assert!(
        ids.contains("good-1") && ids.contains("good-2") && ids.contains("e_article"),
        "{ids:?}"
    );
    let (read, with, without, failed, _) = summary(&out);
    assert_eq!(read, with + without + failed);
    assert!(failed >= 8, "{}", err);
    let errors = rows(&wd.path("errors.csv"));
    assert_eq!(errors.len(), failed);
    assert!(
        errors
            .iter()
            .any(|r| r[0].ends_with("a_records.jsonl") && &r[1] == "line 2" && r[2].starts_with("invalid JSON"))
    );
}

#[test]
fn strict_stops_at_the_first_failure_and_leaves_no_output() {
    let wd = Workdir::new();
    bad_inputs(&wd);
    let out = wd.run(&["extract", "in", "-o", "out.csv", "--strict"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("stopped at the first failure"));
    // The output goes to a temporary file renamed at the end: nothing half-written.
    assert!(!wd.path("out.csv").exists());
    assert!(
        fs::read_dir(wd.dir.path())
            .unwrap()
            .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".partial"))
    );
}

#[test]
fn a_fifty_megabyte_line_is_processed() {
    let wd = Workdir::new();
    let article = fs::read_to_string(repo(SEED)).unwrap().replace('\n', " ");
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(&article);
        text.push(' ');
    }
    let line = serde_json::json!({ "id": "huge", "text": text }).to_string();
    wd.write("huge.jsonl", format!("{line}\n"));
    let out = wd.run(&["extract", "huge.jsonl", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (read, with, _, failed, claims) = summary(&out);
    assert_eq!((read, with, failed), (1, 1, 0));
    assert!(claims > 1000, "{claims}");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args([
            "extract",
            &repo("tests/data/dev.jsonl"),
            &repo("tests/data/dev.jsonl"),
            &repo("tests/data/dev.jsonl"),
            "-q",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn stdin_reads_json_lines() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["extract", "-", "-q", "--output-format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&fs::read(repo("tests/data/dev.jsonl")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let n = String::from_utf8(out.stdout).unwrap().lines().count();
    assert!(n > 150, "{n}");
}

#[test]
fn a_bad_rules_file_names_the_file_and_entry() {
    let wd = Workdir::new();
    wd.write(
        "rules/markers.toml",
        fs::read_to_string(repo("rules/markers.toml")).unwrap().replacen(
            "past = \"أضاف\"\npresent = \"ضيف\"\nparticiple = \"مضيف\"",
            "",
            1,
        ),
    );
    let out = wd.run(&["extract", &repo(SEED), "--rules", "rules"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("markers.toml") && err.contains("verb أضاف"), "{err}");
}

#[test]
fn a_named_pipe_as_output_stays_a_pipe() {
    // -o /dev/null or a FIFO must be written in place: a temporary file
    // renamed over it would replace the device with a plain file.
    use std::os::unix::fs::FileTypeExt;
    let wd = Workdir::new();
    let fifo = wd.path("claims.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = wd.run(&["extract", &repo(SEED), "-o", fifo.to_str().unwrap(), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = reader.join().unwrap();
    assert!(written.starts_with("doc_id,claim_id,speaker"), "{written}");
    let out = wd.run(&["extract", &repo(SEED), "-o", "claims.csv", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        written,
        fs::read_to_string(wd.path("claims.csv")).unwrap(),
        "the pipe got what a file gets"
    );
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
}
