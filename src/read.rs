//! Reading input: files, directories and stdin, as plain text, JSONL, CSV or
//! TREC/SGML, compressed with gzip or zstd or not. Every record read comes out
//! as a [`Record`]: a document's text, or the reason it could not be read.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::decode;

mod fast_json;

/// Input layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One article per row, with a header.
    Csv,
    /// `<DOC>` blocks with `<DOCNO>` and `<TEXT>` (LDC Gigaword layout).
    Trec,
}

impl Format {
    /// Parses a `--format` value.
    pub fn from_name(s: &str) -> Option<Format> {
        match s {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "trec" | "sgml" => Some(Format::Trec),
            _ => None,
        }
    }
}

/// How to read records: compiled from the command line before any work.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    pub format: Option<Format>,
    pub id_field: String,
    pub text_field: String,
    pub encoding: Option<&'static Encoding>,
    /// Leave each JSON line unparsed for [`Record::parse`], so that the
    /// pipeline's workers parse lines in parallel instead of the reader.
    pub defer_json: bool,
}

impl Default for ReadConfig {
    fn default() -> Self {
        ReadConfig {
            format: None,
            id_field: "id".into(),
            text_field: "text".into(),
            encoding: None,
            defer_json: false,
        }
    }
}

/// A unit of input: one document's text, or why it could not be read.
#[derive(Debug, Clone)]
pub struct Record {
    /// The file (or `-`) it came from.
    pub source: String,
    /// Where in the source: `line 12`, `row 3`, `DOC 2`, or empty for a whole file.
    pub location: String,
    pub doc_id: String,
    pub body: Result<String, String>,
    /// A JSON line still to parse (with [`ReadConfig::defer_json`]).
    pending: Option<Box<PendingJson>>,
}

/// A JSON line read but not parsed, with the settings naming the fields to
/// pick from it.
#[derive(Debug, Clone)]
struct PendingJson {
    line: Vec<u8>,
    cfg: std::sync::Arc<ReadConfig>,
}

impl Record {
    fn failed(source: &str, location: impl Into<String>, doc_id: impl Into<String>, reason: impl fmt::Display) -> Record {
        Record::new(source, location, doc_id, Err(reason.to_string()))
    }

    fn new(source: &str, location: impl Into<String>, doc_id: impl Into<String>, body: Result<String, String>) -> Record {
        Record {
            source: source.to_string(),
            location: location.into(),
            doc_id: doc_id.into(),
            body,
            pending: None,
        }
    }

    /// Parses a deferred JSON line into `doc_id` and `body`; a record read
    /// whole is left as it is.
    pub fn parse(&mut self) {
        if let Some(p) = self.pending.take() {
            let (doc_id, body) = parse_json_line(&p.line, &p.cfg.id_field, &p.cfg.text_field);
            if let Some(id) = doc_id {
                self.doc_id = id;
            }
            self.body = body;
        }
    }

    /// Input bytes this record holds: its text, or its unparsed line.
    pub fn len(&self) -> usize {
        match (&self.pending, &self.body) {
            (Some(p), _) => p.line.len(),
            (None, Ok(t)) => t.len(),
            (None, Err(_)) => 0,
        }
    }

    /// Whether the record holds no input bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A file or stdin to read, with the directory it was found under.
#[derive(Debug, Clone)]
pub struct Source {
    /// `None` for stdin.
    pub path: Option<PathBuf>,
    /// The directory named on the command line, for relative doc ids.
    pub base: Option<PathBuf>,
}

impl Source {
    fn display(&self) -> String {
        self.path.as_ref().map_or_else(|| "-".to_string(), |p| p.display().to_string())
    }

    /// doc_id of a one-article file: its path under the named directory, or
    /// its file name, without extensions (.txt, .txt.gz).
    fn file_doc_id(&self) -> String {
        let Some(path) = &self.path else { return "stdin".into() };
        let rel = self
            .base
            .as_ref()
            .and_then(|b| path.strip_prefix(b).ok())
            .unwrap_or_else(|| Path::new(path.file_name().unwrap_or_default()));
        let mut s = rel.to_string_lossy().replace('\\', "/");
        for ext in [".gz", ".zst"] {
            if let Some(x) = s.strip_suffix(ext) {
                s = x.to_string();
            }
        }
        match s.rfind('.') {
            Some(dot) if !s[dot..].contains('/') && dot > 0 => s[..dot].to_string(),
            _ => s,
        }
    }
}

/// Expands the command-line inputs into sources, in order; directories are
/// walked recursively in sorted order. Paths that cannot be walked come back
/// as failed records.
pub fn sources(inputs: &[String]) -> (Vec<Source>, Vec<Record>) {
    let mut out = Vec::new();
    let mut failed = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source { path: None, base: None });
            continue;
        }
        let path = PathBuf::from(input);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let mut seen = HashSet::new();
                walk(&path, &path, &mut seen, &mut out, &mut failed);
            }
            Ok(_) => out.push(Source {
                path: Some(path),
                base: None,
            }),
            Err(e) => {
                let src = Source {
                    path: Some(path.clone()),
                    base: None,
                };
                failed.push(Record::failed(input, "", src.file_doc_id(), io_reason(&e)));
            }
        }
    }
    (out, failed)
}

fn io_reason(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(40) => "symlink loop (too many levels of symbolic links)".to_string(),
        _ => match e.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        },
    }
}

fn walk(dir: &Path, base: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Source>, failed: &mut Vec<Record>) {
    let display = dir.display().to_string();
    match dir.canonicalize() {
        Ok(c) if !seen.insert(c.clone()) => {
            failed.push(Record::failed(&display, "", "", "symlink loop: directory already visited"));
            return;
        }
        Err(e) => {
            failed.push(Record::failed(&display, "", "", io_reason(&e)));
            return;
        }
        _ => {}
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            failed.push(Record::failed(&display, "", "", io_reason(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, base, seen, out, failed),
            Ok(_) => {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if !name.starts_with('.') {
                    out.push(Source {
                        path: Some(p),
                        base: Some(base.to_path_buf()),
                    });
                }
            }
            Err(e) => {
                let src = Source {
                    path: Some(p.clone()),
                    base: Some(base.to_path_buf()),
                };
                failed.push(Record::failed(&p.display().to_string(), "", src.file_doc_id(), io_reason(&e)));
            }
        }
    }
}

/// The format a path's extension names (after .gz / .zst).
pub fn guess_format(path: &Path) -> Format {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.trim_end_matches(".gz").trim_end_matches(".zst");
    match name.rsplit('.').next() {
        Some("jsonl" | "ndjson" | "json") => Format::Jsonl,
        Some("csv") => Format::Csv,
        Some("sgml" | "sgm" | "trec") => Format::Trec,
        _ => Format::Text,
    }
}

fn open_reader(src: &Source) -> io::Result<Box<dyn Read + Send>> {
    let Some(path) = &src.path else { return Ok(Box::new(io::stdin())) };
    let file = File::open(path)?;
    let name = path.to_string_lossy().to_ascii_lowercase();
    Ok(if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)))
    } else if name.ends_with(".zst") {
        Box::new(zstd::stream::read::Decoder::new(file)?)
    } else {
        Box::new(file)
    })
}

/// All records of all sources, in order, read lazily.
pub fn records(srcs: Vec<Source>, cfg: ReadConfig) -> impl Iterator<Item = Record> + Send {
    srcs.into_iter().flat_map(move |src| read_source(src, cfg.clone()))
}

/// The records of one source.
pub fn read_source(src: Source, cfg: ReadConfig) -> Box<dyn Iterator<Item = Record> + Send> {
    let display = src.display();
    let reader = match open_reader(&src) {
        Ok(r) => r,
        Err(e) => return Box::new(std::iter::once(Record::failed(&display, "", src.file_doc_id(), io_reason(&e)))),
    };
    let format = cfg.format.or_else(|| src.path.as_deref().map(guess_format));
    match format {
        Some(Format::Jsonl) => Box::new(JsonlRecords::new(reader, display, cfg)),
        Some(Format::Csv) => Box::new(csv_records(reader, display, cfg)),
        Some(Format::Text) | Some(Format::Trec) | None => Box::new(whole_file(reader, &src, &display, &cfg, format).into_iter()),
    }
}

/// A one-article or TREC file: read whole, decoded, split into `<DOC>`s.
fn whole_file(mut reader: Box<dyn Read + Send>, src: &Source, display: &str, cfg: &ReadConfig, format: Option<Format>) -> Vec<Record> {
    let doc_id = src.file_doc_id();
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return vec![Record::failed(display, "", doc_id, format!("cannot read: {}", read_reason(&e)))];
    }
    // Stdin without --format: sniff JSON lines.
    if src.path.is_none() && format.is_none() && bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return JsonlRecords::new(Box::new(io::Cursor::new(bytes)), display.to_string(), cfg.clone()).collect();
    }
    let text = match decode::decode(&bytes, cfg.encoding) {
        Ok(t) => t,
        Err(e) => return vec![Record::failed(display, "", doc_id, e)],
    };
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if format == Some(Format::Trec) || trimmed.starts_with("<DOC") {
        return trec_records(&text, display, &doc_id);
    }
    vec![Record::new(display, "", doc_id, Ok(text))]
}

fn read_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "truncated or corrupt compressed data".to_string(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => format!("corrupt compressed data ({e})"),
        _ => io_reason(e),
    }
}

/// Splits TREC/SGML text into documents: id from `<DOCNO>` or `<DOC id="…">`,
/// text from `<TEXT>` with `<P>` tags turned into paragraph breaks.
pub fn trec_records(text: &str, source: &str, file_id: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut n = 0;
    while let Some(s) = find_tag(rest, "<DOC") {
        let after = &rest[s..];
        let Some(open_end) = after.find('>') else { break };
        let close = after.find("</DOC>");
        let body = &after[open_end + 1..close.unwrap_or(after.len())];
        n += 1;
        let open_tag = &after[..open_end];
        let id = between(body, "<DOCNO>", "</DOCNO>")
            .map(|s| s.trim().to_string())
            .or_else(|| doc_id_attr(open_tag))
            .unwrap_or_else(|| format!("{file_id}:{n}"));
        let location = format!("DOC {n}");
        match between(body, "<TEXT>", "</TEXT>") {
            Some(t) => out.push(Record::new(source, location, id, Ok(strip_paragraph_tags(t)))),
            None => out.push(Record::failed(source, location, id, "<DOC> without <TEXT>")),
        }
        if close.is_none() {
            break;
        }
        rest = &after[close.unwrap_or(0) + "</DOC>".len()..];
    }
    if n == 0 {
        out.push(Record::failed(source, "", file_id, "no <DOC> element"));
    }
    out
}

fn find_tag(s: &str, tag: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(tag) {
        let at = from + i;
        let next = s.as_bytes().get(at + tag.len());
        if matches!(next, Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\n') | Some(b'\r')) {
            return Some(at);
        }
        from = at + tag.len();
    }
    None
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let i = s.find(open)? + open.len();
    let j = s[i..].find(close).map_or(s.len(), |j| i + j);
    Some(&s[i..j])
}

/// The `id` attribute of a `<DOC ...>` tag (quoted or not).
fn doc_id_attr(tag: &str) -> Option<String> {
    static ID: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#"(?i)\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).expect("valid pattern"));
    let c = ID.captures(tag)?;
    c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).map(|m| m.as_str().to_string())
}

fn strip_paragraph_tags(t: &str) -> String {
    let s = t
        .replace("<P>", "\n")
        .replace("</P>", "\n")
        .replace("<p>", "\n")
        .replace("</p>", "\n");
    s.trim_matches(|c: char| c == '\n' || c == '\r').to_string()
}

/// JSON lines, streamed: one record per non-blank line.
pub struct JsonlRecords {
    reader: BufReader<Box<dyn Read + Send>>,
    source: String,
    /// Shared with deferred records, which need the field names.
    cfg: std::sync::Arc<ReadConfig>,
    line: usize,
    done: bool,
}

impl JsonlRecords {
    fn new(reader: Box<dyn Read + Send>, source: String, cfg: ReadConfig) -> Self {
        JsonlRecords {
            reader: BufReader::with_capacity(1 << 20, reader),
            source,
            cfg: std::sync::Arc::new(cfg),
            line: 0,
            done: false,
        }
    }
}

impl Iterator for JsonlRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let location = format!("line {}", self.line);
            let fallback_id = format!("{}:{}", self.source, self.line);
            // A new buffer for each line, filled once in the common case (the
            // line is whole in the reader's buffer) and handed on as it is.
            let mut buf = Vec::new();
            match read_line(&mut self.reader, &mut buf) {
                Ok(0) => {
                    if self.line == 1 {
                        self.done = true;
                        return Some(Record::failed(&self.source, "", "", "empty file"));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Record::failed(&self.source, location, fallback_id, read_reason(&e)));
                }
            }
            let (start, end) = trim_ascii(&buf);
            if start == end {
                continue;
            }
            if self.cfg.defer_json {
                buf.truncate(end);
                buf.drain(..start);
                let mut rec = Record::new(&self.source, location, fallback_id, Err(String::new()));
                rec.pending = Some(Box::new(PendingJson {
                    line: buf,
                    cfg: self.cfg.clone(),
                }));
                return Some(rec);
            }
            let (id, body) = parse_json_line(&buf[start..end], &self.cfg.id_field, &self.cfg.text_field);
            return Some(Record::new(&self.source, location, id.unwrap_or(fallback_id), body));
        }
    }
}

/// `BufRead::read_until(b'\n')` with the memchr crate's vector search: the
/// standard one looks for the line end a word at a time, and JSON lines
/// are long.
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let (done, used) = {
            let avail = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match memchr::memchr(b'\n', avail) {
                Some(i) => {
                    buf.extend_from_slice(&avail[..=i]);
                    (true, i + 1)
                }
                None => {
                    buf.extend_from_slice(avail);
                    (avail.is_empty(), avail.len())
                }
            }
        };
        r.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The range of `b` without ASCII whitespace at either end.
fn trim_ascii(b: &[u8]) -> (usize, usize) {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
    (start, end)
}

/// The id (when the line has one) and the text of one JSON line, or why
/// it has no text.
fn parse_json_line(line: &[u8], id_field: &str, text_field: &str) -> (Option<String>, Result<String, String>) {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    // One UTF-8 check of the whole line; the parser then reads a str and
    // checks no string again (it was a twentieth of the run).
    let line = match decode::utf8(line) {
        Ok(s) => s,
        Err(bad) => return (None, Err(bad.to_string())),
    };
    let picked = fast_json::fields(line, id_field, text_field).map_or_else(
        || {
            let mut de = serde_json::Deserializer::from_str(line);
            let seed = Fields {
                id: id_field,
                text: text_field,
            };
            seed.deserialize(&mut de).and_then(|v| de.end().map(|_| v))
        },
        Ok,
    );
    match picked {
        Err(e) => (None, Err(format!("invalid JSON: {e}"))),
        Ok((id, Some(Some(t)))) => (id, Ok(t)),
        Ok((id, Some(None))) => (id, Err(format!("field \"{text_field}\" is not a string"))),
        Ok((id, None)) => (id, Err(format!("record has no \"{text_field}\" field"))),
    }
}

/// Pulls just the id and text fields out of a JSON object, skipping the rest.
struct Fields<'a> {
    id: &'a str,
    text: &'a str,
}

type Picked = (Option<String>, Option<Option<String>>);

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = Picked;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Picked, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = Picked;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let (mut id, mut text) = (None, None);
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == self.text {
                let v: serde_json::Value = map.next_value()?;
                text = Some(match v {
                    serde_json::Value::String(s) => Some(s),
                    _ => None,
                });
            } else if key == self.id {
                let v: serde_json::Value = map.next_value()?;
                id = match v {
                    serde_json::Value::String(s) => Some(s),
                    serde_json::Value::Null => None,
                    other => Some(other.to_string()),
                };
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok((id, text))
    }
}

/// The CSV rows still to read, with the id and text column indices.
type CsvState = (csv::ByteRecordsIntoIter<Box<dyn Read + Send>>, Option<usize>, usize);

/// CSV rows with a header, streamed.
fn csv_records(reader: Box<dyn Read + Send>, source: String, cfg: ReadConfig) -> impl Iterator<Item = Record> + Send {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = rdr.byte_headers().cloned();
    let mut state: Option<CsvState> = None;
    let mut first: Option<Record> = None;
    match headers {
        Err(e) => first = Some(Record::failed(&source, "row 1", "", format!("cannot read CSV header: {e}"))),
        Ok(h) if h.is_empty() => first = Some(Record::failed(&source, "", "", "empty file")),
        Ok(h) => {
            let find = |name: &str| h.iter().position(|f| f == name.as_bytes());
            match find(&cfg.text_field) {
                None => {
                    first = Some(Record::failed(
                        &source,
                        "row 1",
                        "",
                        format!("CSV header has no \"{}\" column", cfg.text_field),
                    ))
                }
                Some(t) => state = Some((rdr.into_byte_records(), find(&cfg.id_field), t)),
            }
        }
    }
    let src = source.clone();
    let mut row = 1;
    let rows = std::iter::from_fn(move || {
        let (it, id_col, text_col) = state.as_mut()?;
        let rec = it.next()?;
        row += 1;
        let location = format!("row {row}");
        let fallback = format!("{src}:{row}");
        Some(match rec {
            Err(e) => {
                state = None;
                Record::failed(&src, location, fallback, format!("invalid CSV: {e}"))
            }
            Ok(r) => {
                let id = id_col
                    .and_then(|c| r.get(c))
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .filter(|s| !s.is_empty())
                    .map_or(fallback, str::to_string);
                match r.get(*text_col).map(decode::utf8) {
                    None => Record::failed(&src, location, id, format!("row has no \"{}\" column", cfg.text_field)),
                    Some(Err(e)) => Record::failed(&src, location, id, e),
                    Some(Ok(t)) => Record::new(&src, location, id, Ok(t.to_string())),
                }
            }
        })
    });
    first.into_iter().chain(rows)
}
