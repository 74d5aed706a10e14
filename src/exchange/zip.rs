//! A ZIP archive written in memory, as an `.xlsx` workbook needs: each file deflated (raw
//! deflate by `miniz_oxide`) or stored when that is smaller, with its CRC-32, then the central
//! directory. No ZIP64, no encryption, no time stamps (a fixed 1980-01-01, so that the same
//! content gives the same bytes).

use miniz_oxide::deflate::compress_to_vec;

/// Deflate's level: miniz_oxide's default, a good trade of size for time.
const LEVEL: u8 = 6;
/// Version 2.0: what deflate needs to extract; the "made by" byte says MS-DOS.
const VERSION: u16 = 20;
/// Bit 11: file names are UTF-8.
const FLAGS: u16 = 1 << 11;
/// 1980-01-01 00:00 in MS-DOS form: the earliest date a ZIP can hold.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// Why an archive could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// The archive would pass 4 GiB or 65 535 files, which needs ZIP64.
    TooLarge,
}

/// The CRC-32 table (the IEEE polynomial, reflected), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 of `data`, as ZIP and PNG use it.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |crc, byte| {
        CRC_TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8)
    })
}

/// One file as it goes into the archive.
struct Packed {
    name: Vec<u8>,
    method: u16,
    crc: u32,
    data: Vec<u8>,
    size: u32,
    offset: u32,
}

/// Little-endian writers for the headers.
trait Le {
    fn u16(&mut self, v: u16);
    fn u32(&mut self, v: u32);
}

impl Le for Vec<u8> {
    fn u16(&mut self, v: u16) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.extend_from_slice(&v.to_le_bytes());
    }
}

/// A size or an offset in the width its header field has; every one is checked, since a ZIP
/// without the ZIP64 extension holds 32-bit offsets and sizes and 16-bit counts.
fn small<T: TryFrom<usize>>(n: usize) -> Result<T, ZipError> {
    T::try_from(n).map_err(|_| ZipError::TooLarge)
}

/// An archive of `files` (name, content), in the order given.
pub fn write(files: &[(&str, &[u8])]) -> Result<Vec<u8>, ZipError> {
    let mut out = Vec::new();
    let mut packed = Vec::with_capacity(files.len());
    for (name, content) in files {
        let deflated = compress_to_vec(content, LEVEL);
        let (method, data) = if deflated.len() < content.len() {
            (8, deflated)
        } else {
            (0, content.to_vec())
        };
        let file = Packed {
            name: name.as_bytes().to_vec(),
            method,
            crc: crc32(content),
            size: small(content.len())?,
            offset: small(out.len())?,
            data,
        };
        out.u32(0x0403_4b50);
        out.u16(VERSION);
        file.common(&mut out)?;
        out.extend_from_slice(&file.name);
        out.extend_from_slice(&file.data);
        packed.push(file);
    }
    let directory_start = out.len();
    for file in &packed {
        out.u32(0x0201_4b50);
        out.u16(VERSION);
        out.u16(VERSION);
        file.common(&mut out)?;
        out.u16(0); // comment length
        out.u16(0); // disk number
        out.u16(0); // internal attributes
        out.u32(0); // external attributes
        out.u32(file.offset);
        out.extend_from_slice(&file.name);
    }
    let count: u16 = small(packed.len())?;
    let directory_size: u32 = small(out.len() - directory_start)?;
    let directory_offset: u32 = small(directory_start)?;
    out.u32(0x0605_4b50);
    out.u16(0); // this disk
    out.u16(0); // the disk where the directory starts
    out.u16(count);
    out.u16(count);
    out.u32(directory_size);
    out.u32(directory_offset);
    out.u16(0); // comment length
    Ok(out)
}

impl Packed {
    /// The fields the local header and the central directory share, from the flags to the
    /// extra field's length.
    fn common(&self, out: &mut Vec<u8>) -> Result<(), ZipError> {
        out.u16(FLAGS);
        out.u16(self.method);
        out.u16(DOS_TIME);
        out.u16(DOS_DATE);
        out.u32(self.crc);
        out.u32(small(self.data.len())?);
        out.u32(self.size);
        out.u16(small(self.name.len())?);
        out.u16(0); // extra field length
        Ok(())
    }
}

/// Reads an archive back by its central directory, checking every header against it (for
/// tests: it panics on what it does not expect).
#[cfg(test)]
pub(crate) fn unpack(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]);
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let count = usize::from(u16_at(end + 10));
    let mut at = u32_at(end + 16) as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50, "central header");
        let method = u16_at(at + 10);
        let crc = u32_at(at + 16);
        let packed = u32_at(at + 20) as usize;
        let size = u32_at(at + 24) as usize;
        let name_len = usize::from(u16_at(at + 28));
        let local = u32_at(at + 42) as usize;
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(local), 0x0403_4b50, "local header of {name}");
        assert_eq!(u32_at(local + 14), crc, "the local header's CRC of {name}");
        let start = local + 30 + usize::from(u16_at(local + 26));
        let data = &zip[start..start + packed];
        let content = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec(data).unwrap(),
            other => panic!("method {other}"),
        };
        assert_eq!(content.len(), size, "{name}");
        assert_eq!(crc32(&content), crc, "{name}");
        files.push((name, content));
        at += 46 + name_len;
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn files_come_back_whole_deflated_or_stored() {
        let repetitive = "<row><c>1</c></row>".repeat(500);
        let files: [(&str, &[u8]); 4] = [
            ("[Content_Types].xml", repetitive.as_bytes()),
            ("xl/empty.xml", b""),
            ("xl/tiny.bin", &[0xFF, 0x00, 0x7F]),
            ("xl/tên.txt", "Lai Châu".as_bytes()),
        ];
        let zip = write(&files).unwrap();
        let back = unpack(&zip);
        assert_eq!(back.len(), files.len());
        for ((name, content), (got_name, got)) in files.iter().zip(&back) {
            assert_eq!((*name, *content), (got_name.as_str(), got.as_slice()));
        }
        assert!(zip.len() < repetitive.len() / 10, "the XML is deflated");
        assert_eq!(
            write(&files).unwrap(),
            zip,
            "the same content, the same bytes"
        );
    }

    #[test]
    fn an_empty_archive_is_just_its_end_record() {
        let zip = write(&[]).unwrap();
        assert_eq!(zip.len(), 22);
        assert!(unpack(&zip).is_empty());
    }
}
