//! The chart by group (`svg::BarChart`) as a PNG download: drawn from the same description as
//! the SVG, on a canvas, with its title above and a source line below, in light colours, as the
//! ECharts charts' PNGs are (`echarts::save_png`). Browser only; no image is loaded, so the
//! Content-Security-Policy needs nothing more.

use wasm_bindgen::{JsCast, JsValue};

use super::status_color;
use super::svg::{decal, BarChart, BAR_PX};

/// The picture's width in CSS pixels, and how many device pixels each is drawn with.
const WIDTH: f64 = 900.0;
const SCALE: f64 = 2.0;
/// Margins, the title's band and the legend's and source line's below the drawing.
const PAD: f64 = 24.0;
const HEAD: f64 = 48.0;
const LEGEND: f64 = 36.0;
const FOOT: f64 = 36.0;
const FONT: &str = "system-ui, sans-serif";

fn err(e: JsValue) -> String {
    format!("{e:?}")
}

/// A canvas of `width` × `height` device pixels and its 2D context.
fn canvas(
    document: &web_sys::Document,
    width: f64,
    height: f64,
) -> Result<
    (
        web_sys::HtmlCanvasElement,
        web_sys::CanvasRenderingContext2d,
    ),
    String,
> {
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(err)?
        .unchecked_into();
    canvas.set_width(width.ceil() as u32);
    canvas.set_height(height.ceil() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(err)?
        .ok_or("no 2d context")?
        .unchecked_into();
    Ok((canvas, ctx))
}

/// A status' fill: its colour, and over it its pattern (one tile drawn on a small canvas and
/// repeated, turned as the SVG's pattern is).
fn fill(
    document: &web_sys::Document,
    ctx: &web_sys::CanvasRenderingContext2d,
    status: crate::plan::Status,
) -> Result<Option<web_sys::CanvasPattern>, String> {
    let Some(d) = decal(status) else {
        return Ok(None);
    };
    let size = f64::from(d.size);
    let (tile, tile_ctx) = canvas(document, size, size)?;
    tile_ctx.set_fill_style_str(status_color(status));
    tile_ctx.fill_rect(0.0, 0.0, size, size);
    tile_ctx.set_fill_style_str("rgba(0,0,0,0.25)");
    let path = web_sys::Path2d::new_with_path_string(d.path).map_err(err)?;
    tile_ctx.fill_with_path_2d(&path);
    let pattern = ctx
        .create_pattern_with_html_canvas_element(&tile, "repeat")
        .map_err(err)?;
    if let Some(pattern) = &pattern {
        let turn = web_sys::DomMatrix::new()
            .map_err(err)?
            .rotate(f64::from(d.rotate));
        // web-sys types the argument as the older SVGMatrix; the method takes any 2D matrix.
        pattern.set_transform(turn.unchecked_ref());
    }
    Ok(pattern)
}

/// Saves `chart` as `file_name`, with `title` above and `source` below.
pub fn save_png(
    chart: &BarChart,
    title: &str,
    source: &str,
    file_name: &str,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let height = HEAD + f64::from(chart.height) + LEGEND + FOOT;
    let (canvas, ctx) = canvas(&document, WIDTH * SCALE, height * SCALE)?;
    ctx.scale(SCALE, SCALE).map_err(err)?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, WIDTH, height);
    ctx.set_fill_style_str("#1d2430");
    ctx.set_font(&format!("bold 18px {FONT}"));
    ctx.fill_text(title, PAD, 30.0).map_err(err)?;

    let plot = WIDTH - 2.0 * PAD;
    let x_of = |percent: f64| PAD + plot * percent / 100.0;
    let top = HEAD;
    // The gridlines and the axis' marks.
    ctx.set_stroke_style_str("#d5dbe3");
    ctx.set_line_width(1.0);
    let dash = js_sys::Array::of2(&JsValue::from_f64(2.0), &JsValue::from_f64(3.0));
    ctx.set_line_dash(&dash).map_err(err)?;
    ctx.set_font(&format!("12px {FONT}"));
    ctx.set_text_align("center");
    for tick in &chart.ticks {
        let x = x_of(tick.x.0).round() + 0.5;
        ctx.begin_path();
        ctx.move_to(x, top);
        ctx.line_to(x, top + f64::from(chart.plot_bottom));
        ctx.stroke();
        ctx.set_fill_style_str("#4f5b6b");
        ctx.fill_text(&tick.label, x, top + f64::from(chart.axis_y))
            .map_err(err)?;
    }
    ctx.set_line_dash(&js_sys::Array::new()).map_err(err)?;
    // The bars, each group's name above its own.
    ctx.set_text_align("left");
    ctx.set_font(&format!("13px {FONT}"));
    let fills = chart
        .legend
        .iter()
        .map(|(status, _)| fill(&document, &ctx, *status).map(|f| (*status, f)))
        .collect::<Result<Vec<_>, _>>()?;
    for row in &chart.rows {
        ctx.set_fill_style_str("#1d2430");
        ctx.fill_text(&row.label, PAD, top + f64::from(row.label_y()))
            .map_err(err)?;
        for segment in row.segments.iter().filter(|s| s.width.0 > 0.0) {
            let (x, w) = (x_of(segment.x.0), plot * segment.width.0 / 100.0);
            let y = top + f64::from(row.bar_y());
            ctx.set_fill_style_str(status_color(segment.status));
            ctx.fill_rect(x, y, w, f64::from(BAR_PX));
            if let Some((_, Some(pattern))) = fills.iter().find(|(s, _)| *s == segment.status) {
                ctx.set_fill_style_canvas_pattern(pattern);
                ctx.fill_rect(x, y, w, f64::from(BAR_PX));
            }
            ctx.set_stroke_style_str("#ffffff");
            ctx.stroke_rect(x, y, w, f64::from(BAR_PX));
        }
    }
    // The legend, in one line.
    let mut x = PAD;
    let y = top + f64::from(chart.height) + 22.0;
    ctx.set_font(&format!("13px {FONT}"));
    for (status, name) in &chart.legend {
        ctx.set_fill_style_str(status_color(*status));
        ctx.fill_rect(x, y - 11.0, 12.0, 12.0);
        if let Some((_, Some(pattern))) = fills.iter().find(|(s, _)| s == status) {
            ctx.set_fill_style_canvas_pattern(pattern);
            ctx.fill_rect(x, y - 11.0, 12.0, 12.0);
        }
        ctx.set_fill_style_str("#1d2430");
        ctx.fill_text(name, x + 18.0, y).map_err(err)?;
        x += 18.0 + ctx.measure_text(name).map_err(err)?.width() + 22.0;
    }
    ctx.set_fill_style_str("#4f5b6b");
    ctx.set_font(&format!("12px {FONT}"));
    ctx.fill_text(source, PAD, height - 14.0).map_err(err)?;

    let url = canvas.to_data_url_with_type("image/png").map_err(err)?;
    crate::exchange::files::download_data_url(file_name, &url)
}
