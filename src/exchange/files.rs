//! Files in and out of the browser: a download made from text or bytes (a Blob, an object URL
//! and an `<a download>` click, which a strict Content-Security-Policy allows) and the text of
//! a file the user chose. Browser only; what goes into the files is decided by `exchange`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `content` as a file named `name` to download.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &blob_type(mime))
        .map_err(describe)?;
    offer(name, &blob)
}

/// Offers `bytes` (a workbook, with `xlsx::MIME`) as a file named `name` to download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &blob_type(mime))
        .map_err(describe)?;
    offer(name, &blob)
}

fn describe(e: JsValue) -> String {
    format!("{e:?}")
}

fn blob_type(mime: &str) -> web_sys::BlobPropertyBag {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    options
}

/// Offers a picture already encoded as a `data:` URL (a canvas's PNG) as a file named `name`.
pub fn download_data_url(name: &str, url: &str) -> Result<(), String> {
    click_link(name, url)
}

/// Downloads `blob` through an object URL and a hidden `<a download>`, then revokes the URL.
fn offer(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    click_link(name, &url)?;
    // The download has started by the time the next task runs; then the URL can go.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Clicks a hidden `<a download>` to `url`, which the browser saves as `name`.
fn click_link(name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(describe)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// The text of a chosen file, read as UTF-8.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}
