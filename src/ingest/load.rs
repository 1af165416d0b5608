//! Loading a PDF's object graph: header sniffing, cross-reference repair, decryption.
//! INTERIM (skeleton): plain lopdf load; the robustness work adds repair and passwords.

use super::FailureReason;
use pdf_extract::Document;

pub struct LoadedPdf {
    pub doc: Document,
    pub repaired: bool,
    pub decrypted: bool,
}

pub fn load_pdf(bytes: &[u8], passwords: &[String]) -> Result<LoadedPdf, FailureReason> {
    let _ = passwords;
    let doc = Document::load_mem(bytes).map_err(|e| FailureReason::Damaged(e.to_string()))?;
    Ok(LoadedPdf {
        doc,
        repaired: false,
        decrypted: false,
    })
}
