//! Ingest at its boundary: a bad-input corpus the tests write, a real PDF
//! made with lopdf, the shared corpora (skipped when absent), and arbitrary
//! bytes under every extension hint.

use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use untangle_ingest::{discover, minhash, parse_bytes, read_file, IngestError, IngestOptions};
use untangle_model::DocFormat;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("skip: ../shared not found (shared corpora are not part of a user's clone)");
        None
    }
}

/// A one-page PDF with a text layer, built with lopdf.
fn make_pdf(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_real_pdf_gives_its_text_and_a_cut_one_an_error() {
    let pdf = make_pdf("Insurgents attacked a checkpoint in Kandahar province.");
    let r = parse_bytes("r.pdf", Some("pdf"), &pdf, &IngestOptions::default());
    let d = r[0].as_ref().unwrap();
    assert_eq!(d.format, DocFormat::Pdf);
    assert!(
        d.text.contains("Insurgents attacked a checkpoint"),
        "{:?}",
        d.text
    );
    let cut = &pdf[..pdf.len() / 2];
    let r = parse_bytes("cut.pdf", None, cut, &IngestOptions::default());
    assert!(
        matches!(
            &r[0],
            Err(IngestError::Malformed { .. } | IngestError::NoText { .. })
        ),
        "{r:?}"
    );
}

#[test]
fn each_bad_input_is_one_error_naming_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bad-utf8.txt",
            b"caf\xe9 \xff broken".to_vec(),
            "invalid UTF-8",
        ),
        ("nul.dat", b"abc\x00def\x00".to_vec(), "binary"),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b"  \n\t\n".to_vec(), "empty"),
        (
            "cut.html",
            b"<!DOCTYPE html><html><body><p>Half a sto".to_vec(),
            "truncated",
        ),
        (
            "cut.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog".to_vec(),
            "PDF",
        ),
        ("feed.rss", b"<rss><channel><item><title>x".to_vec(), "feed"),
        (
            "notes.xml",
            b"<?xml version=\"1.0\"?><notes><n>hi</n></notes>".to_vec(),
            "feed",
        ),
        ("big.txt", vec![b'a'; 5000], "over the limit"),
        (
            "script-only.html",
            b"<html><body><script>x()</script></body></html>".to_vec(),
            "no text",
        ),
    ];
    for (name, bytes, _) in &cases {
        fs::write(d.join(name), bytes).unwrap();
    }
    fs::write(
        d.join("good.txt"),
        "A good report about the district council.",
    )
    .unwrap();
    let opts = IngestOptions { max_bytes: 4096 };
    let (files, errs) = discover(&[d.to_str().unwrap()]);
    assert!(errs.is_empty());
    assert_eq!(files.len(), cases.len() + 1);
    for (name, _, reason) in &cases {
        let r = read_file(&d.join(name), &opts);
        assert_eq!(r.len(), 1, "{name}");
        let e = r[0].as_ref().expect_err(name).to_string();
        assert!(e.contains(name) && e.contains(reason), "{name}: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
    assert!(read_file(&d.join("good.txt"), &opts)[0].is_ok());
}

#[test]
fn discover_expands_folders_and_globs_and_names_what_matches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a/b")).unwrap();
    fs::create_dir_all(d.join(".git")).unwrap();
    for f in [
        "a/1.txt",
        "a/b/2.html",
        "a/.hidden.txt",
        ".git/config",
        "3.txt",
    ] {
        fs::write(d.join(f), "x").unwrap();
    }
    let glob = format!("{}/*.txt", d.display());
    let folder = d.join("a").display().to_string();
    let missing = d.join("nope").display().to_string();
    let nothing = format!("{}/*.pdf", d.display());
    let (files, errs) = discover(&[folder.clone(), glob, folder, missing.clone(), nothing]);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(d).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["3.txt", "a/1.txt", "a/b/2.html"]);
    assert_eq!(errs.len(), 2);
    assert!(errs[0].to_string().contains(&missing));
}

#[test]
fn every_shared_corpus_file_gives_one_document() {
    let Some(sh) = shared() else { return };
    let inputs: Vec<String> = [
        "corpus/seed",
        "corpus/isaf",
        "corpus/wikievents",
        "data/sanctions/un-narratives-2015/1267/narratives",
    ]
    .iter()
    .map(|p| sh.join(p).display().to_string())
    .collect();
    let (files, errs) = discover(&inputs);
    assert!(errs.is_empty());
    assert_eq!(files.len(), 1353);
    let opts = IngestOptions::default();
    let mut isaf_dates = 0;
    let mut isaf = 0;
    for f in &files {
        let r = read_file(f, &opts);
        assert_eq!(r.len(), 1, "{}", f.display());
        let d = r[0].as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert!(!d.text.trim().is_empty());
        if f.display().to_string().contains("/isaf/") {
            isaf += 1;
            isaf_dates += usize::from(d.meta.published.is_some());
            if d.meta.published.is_none() && std::env::var("SHOW_UNDATED").is_ok() {
                eprintln!(
                    "undated: {}\n{}\n",
                    f.display(),
                    &d.text.chars().take(300).collect::<String>()
                );
            }
        }
    }
    eprintln!("ISAF releases with a date: {isaf_dates}/{isaf}");
    assert!(isaf_dates * 100 >= isaf * 90, "{isaf_dates}/{isaf}");
}

#[test]
fn isaf_releases_are_not_mistaken_for_copies_of_each_other() {
    let Some(sh) = shared() else { return };
    let (files, _) = discover(&[sh.join("corpus/isaf").display().to_string()]);
    let sigs: Vec<(String, minhash::Signature, String)> = files
        .iter()
        .filter_map(|f| {
            let d = read_file(f, &IngestOptions::default()).remove(0).ok()?;
            Some((
                f.display().to_string(),
                minhash::signature(&d.text)?,
                d.text,
            ))
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..sigs.len() {
        for j in i + 1..sigs.len() {
            if minhash::jaccard_estimate(&sigs[i].1, &sigs[j].1) >= minhash::REPOST_THRESHOLD {
                pairs.push((i, j));
            }
        }
    }
    eprintln!(
        "ISAF pairs at or above the repost threshold: {}",
        pairs.len()
    );
    // Whatever pairs there are must really be the same release text.
    for (i, j) in pairs {
        let body = |t: &str| t.lines().skip(3).collect::<Vec<_>>().join(" ");
        let (a, b) = (body(&sigs[i].2), body(&sigs[j].2));
        let common = a.split_whitespace().filter(|w| b.contains(w)).count();
        assert!(
            common * 10 >= a.split_whitespace().count() * 8,
            "{} ~ {}",
            sigs[i].0,
            sigs[j].0
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                   ext in prop::sample::select(vec![None, Some("txt"), Some("html"), Some("pdf"), Some("xml"), Some("jsonl"), Some("shtml")])) {
        let _ = parse_bytes("fuzz", ext, &bytes, &IngestOptions::default());
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,600}", prefix in prop::sample::select(vec!["", "<html><body>", "<?xml version=\"1.0\"?><rss>", "{\"text\": \"", "%PDF-1.4\n", "<!DOCTYPE html>"])) {
        let input = format!("{prefix}{s}");
        for ext in [None, Some("html"), Some("jsonl"), Some("xml")] {
            let _ = parse_bytes("fuzz", ext, input.as_bytes(), &IngestOptions::default());
        }
    }
}

/// Inputs that once crashed a parser (from fuzzing or by hand), kept as
/// files named after what broke; each must parse or fail cleanly under
/// every extension hint.
#[test]
fn regression_inputs_fail_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        for ext in [
            None,
            Some("txt"),
            Some("html"),
            Some("pdf"),
            Some("xml"),
            Some("jsonl"),
        ] {
            let _ = parse_bytes(
                &path.display().to_string(),
                ext,
                &bytes,
                &IngestOptions::default(),
            );
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
