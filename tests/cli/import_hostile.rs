//! `build-report import` of bad Word documents: not a zip, no document, a zip bomb (its
//! deflate stream written by hand, so the test stays small), XML nested too deep or
//! broken. Each is refused with a clear message, fast, and nothing is written.

use std::time::{Duration, Instant};

use super::import_docx::{STYLES, W, docx_file, package};
use super::{run, s};

/// Runs import on `bytes` as a .docx; it must be refused (exit 1) with `message`, fast.
fn refused(name: &str, bytes: &[u8], message: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), name, bytes);
    let dir = tmp.path().join("out");
    let started = Instant::now();
    let result = run(&["import", s(&file), "--into", s(&dir)]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(result.code, 1, "{}{}", result.stdout, result.stderr);
    assert!(result.stderr.contains(message), "{}", result.stderr);
    assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
    assert!(!dir.exists(), "nothing is written for a refused document");
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    refused(
        "text.docx",
        b"Case 1\n- not a package\n",
        "a .docx is a zip package, and this file is not one",
    );
}

#[test]
fn a_zip_without_a_document_is_refused() {
    let bytes = package(&[("word/styles.xml", STYLES)]);
    refused("empty.docx", &bytes, "the package has no word/document.xml");
}

#[test]
fn deeply_nested_xml_is_refused() {
    let depth = 100_000;
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}{}</w:body></w:document>"#,
        "<w:sdt>".repeat(depth),
        "</w:sdt>".repeat(depth)
    );
    refused(
        "deep.docx",
        &package(&[("word/document.xml", &xml)]),
        "nests its elements more than 256 deep",
    );
}

#[test]
fn a_zip_bomb_is_refused() {
    refused("bomb.docx", &bomb(), "unpack to more than 64 MiB");
}

#[test]
fn a_zip_bomb_whose_header_understates_its_size_is_still_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "liar.docx", &bomb_claiming(10 << 20));
    let started = Instant::now();
    let result = run(&["import", s(&file), "--into", s(&tmp.path().join("out"))]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(result.code, 1, "{}{}", result.stdout, result.stderr);
    assert!(
        result.stderr.contains("could not unpack word/document.xml"),
        "{}",
        result.stderr
    );
}

#[test]
fn broken_xml_is_refused_with_where() {
    let bytes = package(&[(
        "word/document.xml",
        "<w:document><w:body><w:p><w:t>a</w:body",
    )]);
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "broken.docx", &bytes);
    let result = run(&["import", s(&file), "--into", s(&tmp.path().join("out"))]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("word/document.xml is not well-formed XML (at byte 31)"),
        "{}",
        result.stderr
    );
}

/// A package whose document.xml inflates to 80 MiB of spaces while its headers claim 1 GiB.
fn bomb() -> Vec<u8> {
    bomb_claiming(1 << 30)
}

/// A package whose document.xml is a deflate stream of 80 MiB of spaces, more than the
/// reader's budget, made of fixed-Huffman codes written by hand so that the test neither
/// compresses nor holds that much: one literal, then matches of 258 bytes at distance 1,
/// 13 bits each. Its headers claim `claim` bytes.
fn bomb_claiming(claim: u64) -> Vec<u8> {
    const SIZE: u64 = 80 << 20;
    let mut bits = BitWriter::default();
    bits.put(1, 1); // the last block
    bits.put(0b01, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(b' '), 8); // the literal ' ', whose code is 0x30 + byte
    let mut written = 1u64;
    while written + 258 <= SIZE {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        written += 258;
    }
    bits.code(0, 7); // end of block (code 256)
    raw_zip("word/document.xml", &bits.finish(), claim)
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    current: u32,
    used: u32,
}

impl BitWriter {
    /// Puts `n` bits of `value`, least significant first (deflate's header fields).
    fn put(&mut self, value: u32, n: u32) {
        for i in 0..n {
            self.current |= ((value >> i) & 1) << self.used;
            self.used += 1;
            if self.used == 8 {
                self.bytes.push(self.current as u8);
                self.current = 0;
                self.used = 0;
            }
        }
    }

    /// Puts a Huffman code of `n` bits, most significant first.
    fn code(&mut self, code: u32, n: u32) {
        for i in (0..n).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.bytes.push(self.current as u8);
        }
        self.bytes
    }
}

/// A zip of one deflated entry, written by hand so that its sizes can be anything.
fn raw_zip(name: &str, data: &[u8], size: u64) -> Vec<u8> {
    let size = u32::try_from(size.min(u64::from(u32::MAX))).unwrap();
    let compressed = u32::try_from(data.len()).unwrap();
    let name_len = u16::try_from(name.len()).unwrap();
    let mut out = Vec::new();
    let common = |out: &mut Vec<u8>| {
        out.extend(8u16.to_le_bytes()); // deflate
        out.extend(0u16.to_le_bytes()); // time
        out.extend(0x21u16.to_le_bytes()); // date: 1980-01-01
        out.extend(0u32.to_le_bytes()); // crc, never reached
        out.extend(compressed.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra field
    };
    out.extend(0x0403_4b50u32.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    common(&mut out);
    out.extend(name.as_bytes());
    out.extend(data);
    let directory = out.len();
    out.extend(0x0201_4b50u32.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    common(&mut out);
    out.extend(0u16.to_le_bytes()); // comment
    out.extend(0u16.to_le_bytes()); // disk
    out.extend(0u16.to_le_bytes()); // internal attributes
    out.extend(0u32.to_le_bytes()); // external attributes
    out.extend(0u32.to_le_bytes()); // local header at 0
    out.extend(name.as_bytes());
    let directory_len = u32::try_from(out.len() - directory).unwrap();
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend(directory_len.to_le_bytes());
    out.extend(u32::try_from(directory).unwrap().to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
