//! The browser side of the charts drawn with ECharts (a target's, the structure's): loads ECharts
//! when the first of them is made (the figures never wait for it, and the overview, whose chart
//! is SVG, never loads it), with its integrity checked, and draws a [`ChartData`] into an
//! element through charming's serialisable options.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::ChartData;
use crate::i18n::Lang;
use crate::plan::number::{decimals_of, format_number};

/// The script Trunk copies into `dist/`, loaded relative to the page so any sub-path works.
const SCRIPT: &str = "echarts.min.js";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    pub type Instance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::HtmlElement, theme: JsValue, opts: &JsValue)
        -> Result<Instance, JsValue>;

    // charming's own handle has neither `notMerge` nor `dispose`; both are needed so that a
    // redraw drops series that are gone and a page change frees the canvas.
    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &Instance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    pub fn dispose(this: &Instance);

    #[wasm_bindgen(method)]
    pub fn resize(this: &Instance);

    #[wasm_bindgen(catch, method, js_name = renderToCanvas)]
    fn render_to_canvas(
        this: &Instance,
        opts: &JsValue,
    ) -> Result<web_sys::HtmlCanvasElement, JsValue>;
}

/// Saves the chart as a PNG with its title above and a source line below, as a file download.
/// The picture is composed on a canvas, so it needs no server and no script built from text.
pub fn save_png(
    instance: &Instance,
    title: &str,
    source: &str,
    file_name: &str,
) -> Result<(), String> {
    let err = |e: JsValue| format!("{e:?}");
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &JsValue::from_f64(2.0));
    let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &"#ffffff".into());
    let chart = instance.render_to_canvas(&opts).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(err)?
        .unchecked_into();
    let (head, foot, pad) = (96u32, 64u32, 32.0);
    canvas.set_width(chart.width());
    canvas.set_height(chart.height() + head + foot);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(err)?
        .ok_or("no 2d context")?
        .unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    ctx.set_fill_style_str("#1d2430");
    ctx.set_font("bold 36px system-ui, sans-serif");
    ctx.fill_text(title, pad, 60.0).map_err(err)?;
    ctx.draw_image_with_html_canvas_element(&chart, 0.0, f64::from(head))
        .map_err(err)?;
    ctx.set_fill_style_str("#4f5b6b");
    ctx.set_font("24px system-ui, sans-serif");
    ctx.fill_text(source, pad, f64::from(head + chart.height() + 40))
        .map_err(err)?;
    let url = canvas.to_data_url_with_type("image/png").map_err(err)?;
    crate::exchange::files::download_data_url(file_name, &url)
}

/// Whether the global `echarts` is there.
pub fn is_loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
        .is_ok_and(|v| v.is_object())
}

/// The `<meta>` of the page that holds the script's Subresource Integrity hash (written by
/// `scripts/pwa/post-build.mjs`), so that a changed or half-copied file is refused, not run.
const INTEGRITY_META: &str = "meta[name=\"echarts-integrity\"]";

thread_local! {
    /// Whether the script was added to the page already: it is added once.
    static REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Adds the ECharts script to the page, once, and calls `done(true)` when it has loaded,
/// `done(false)` when it could not (missing, refused by its integrity check). A second call
/// while the first is loading does nothing: the first's `done` tells everyone.
pub fn load(done: impl FnOnce(bool) + 'static) {
    if is_loaded() {
        done(true);
        return;
    }
    if REQUESTED.replace(true) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        done(false);
        return;
    };
    let script = match document
        .create_element("script")
        .map(JsCast::unchecked_into::<web_sys::HtmlScriptElement>)
    {
        Ok(script) => script,
        Err(_) => {
            done(false);
            return;
        }
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (on_load, on_error) = (done.clone(), done);
    let loaded = Closure::once_into_js(move || {
        if let Some(f) = on_load.take() {
            f(is_loaded());
        }
    });
    let failed = Closure::once_into_js(move || {
        if let Some(f) = on_error.take() {
            f(false);
        }
    });
    script.set_onload(Some(loaded.unchecked_ref()));
    script.set_onerror(Some(failed.unchecked_ref()));
    let integrity = document
        .query_selector(INTEGRITY_META)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    if let Some(integrity) = integrity {
        script.set_integrity(&integrity);
        script.set_cross_origin(Some("anonymous"));
    }
    script.set_src(SCRIPT);
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

thread_local! {
    /// One axis-label formatter per language, made once and kept for the page's life: a Rust
    /// closure needs no `new Function`, so the Content-Security-Policy needs no 'unsafe-eval'.
    static FORMATTERS: [JsValue; 2] = [Lang::Vi, Lang::En].map(|lang| {
        Closure::<dyn Fn(JsValue) -> String>::new(move |v: JsValue| {
            let value = v.as_f64().unwrap_or_default();
            format_number(value, decimals_of(value).min(2), lang)
        })
        .into_js_value()
    });
}

/// Gives every value axis of the option the language's number format (52,9 · 9.862).
fn localise_axes(option: &JsValue, lang: Lang) {
    let formatter = FORMATTERS.with(|f| f[usize::from(lang == Lang::En)].clone());
    for key in ["xAxis", "yAxis"] {
        let Ok(axes) = js_sys::Reflect::get(option, &key.into()) else {
            continue;
        };
        let list: Vec<JsValue> = if js_sys::Array::is_array(&axes) {
            js_sys::Array::from(&axes).to_vec()
        } else {
            vec![axes]
        };
        for axis in list.iter().filter(|a| a.is_object()) {
            let kind = js_sys::Reflect::get(axis, &"type".into())
                .ok()
                .and_then(|t| t.as_string());
            if kind.as_deref() == Some("value") {
                let label = js_sys::Reflect::get(axis, &"axisLabel".into())
                    .ok()
                    .filter(JsValue::is_object)
                    .unwrap_or_else(|| js_sys::Object::new().into());
                let _ = js_sys::Reflect::set(&label, &"formatter".into(), &formatter);
                let _ = js_sys::Reflect::set(axis, &"axisLabel".into(), &label);
            }
        }
    }
}

/// Draws the chart into `el`, reusing `instance` when there is one; returns the instance.
pub fn draw(
    el: &web_sys::HtmlElement,
    instance: Option<Instance>,
    data: &ChartData,
    dark: bool,
    lang: Lang,
) -> Result<Instance, String> {
    let instance = match instance {
        Some(instance) => instance,
        None => {
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into());
            init(el, JsValue::NULL, &opts).map_err(|e| format!("{e:?}"))?
        }
    };
    // Below 36rem the long category names would squeeze the plot; short labels are used.
    let narrow = el.client_width() < 576;
    let option =
        js_sys::JSON::parse(&data.to_option_json(dark, narrow)).map_err(|e| format!("{e:?}"))?;
    localise_axes(&option, lang);
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
    instance
        .set_option(&option, &opts)
        .map_err(|e| format!("{e:?}"))?;
    Ok(instance)
}
