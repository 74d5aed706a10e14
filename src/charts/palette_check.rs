//! Checks that the chart palette stays distinguishable for colour-blind readers. Each
//! set of colours drawn together is simulated under protanopia, deuteranopia and tritanopia
//! (Machado, Oliveira & Fernandes 2009, full severity, applied in linear sRGB) and every pair
//! must stay apart by a CIE76 ΔE that people tell apart at a glance. The decal patterns (bars),
//! dash styles and markers (lines), the legend's words and the data table carry meaning too;
//! this test keeps the colours from being the weak link.

use super::{status_color, SeriesRole};
use crate::plan::Status;

type Rgb = [f64; 3];

/// How the colours look to the reader.
#[derive(Clone, Copy, Debug)]
enum Vision {
    Typical,
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Vision {
    const ALL: [Vision; 4] = [
        Vision::Typical,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// The simulation matrix on linear RGB (Machado et al. 2009, severity 1.0).
    fn matrix(self) -> [Rgb; 3] {
        match self {
            Vision::Typical => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }
}

/// "#RRGGBB" as linear RGB in 0..1; None if it is not such a colour.
fn linear(hex: &str) -> Option<Rgb> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// CIE L*a*b* (D65) of a linear RGB colour, clamped to the screen's gamut first.
fn lab(rgb: Rgb) -> Rgb {
    let [r, g, b] = rgb.map(|c| c.clamp(0.0, 1.0));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn simulate(hex: &str, vision: Vision) -> Option<Rgb> {
    let rgb = linear(hex)?;
    let m = vision.matrix();
    Some(lab(m.map(|row| {
        row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]
    })))
}

fn delta_e(a: Rgb, b: Rgb) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// The closest pair of a set under every vision: (ΔE, vision, colour, colour).
fn closest(colors: &[&'static str]) -> (f64, Vision, &'static str, &'static str) {
    let mut worst = (f64::INFINITY, Vision::Typical, "", "");
    for vision in Vision::ALL {
        for (i, a) in colors.iter().enumerate() {
            for b in &colors[i + 1..] {
                let (Some(la), Some(lb)) = (simulate(a, vision), simulate(b, vision)) else {
                    panic!("not a #RRGGBB colour: {a} or {b}");
                };
                let d = delta_e(la, lb);
                if d < worst.0 {
                    worst = (d, vision, a, b);
                }
            }
        }
    }
    worst
}

#[test]
fn the_palette_stays_apart_for_colour_blind_readers() {
    // (what is drawn together, its colours, the least ΔE any pair may have). Measured when
    // written: the statuses 11,9 (achieved vs no data, deuteranopia; missed is 24,6 from
    // off track under tritanopia), told apart by their decals too; the lines 24,8 (actual vs forecast, protanopia), told apart by dash and marker.
    // With a flow's own figures (bars) and 2022's same periods (a dotted line with open
    // circles) beside them, 14,8 (the grey expected path vs 2022's line, deuteranopia: dashes
    // vs dots and circles); the structure with 2022's shares 22,7 (2022 vs actual, protanopia),
    // its bars told apart by decals too.
    let status = |s: Status| status_color(s);
    let cases: [(&str, Vec<&'static str>, f64); 4] = [
        (
            "the overview's stacked statuses",
            vec![
                status(Status::Achieved),
                status(Status::OnTrack),
                status(Status::AtRisk),
                status(Status::OffTrack),
                status(Status::Missed),
                status(Status::NoData),
            ],
            10.0,
        ),
        (
            "a target's lines",
            vec![
                SeriesRole::Actual.color(),
                SeriesRole::Plan.color(),
                SeriesRole::Expected.color(),
                SeriesRole::Forecast.color(),
            ],
            20.0,
        ),
        (
            "a flow's lines with its own figures and 2022's",
            vec![
                SeriesRole::Actual.color(),
                SeriesRole::Plan.color(),
                SeriesRole::Expected.color(),
                SeriesRole::Forecast.color(),
                SeriesRole::OwnPeriod.color(),
                SeriesRole::PriorYear.color(),
            ],
            14.0,
        ),
        (
            "the structure's bars",
            vec![
                SeriesRole::PriorYear.color(),
                SeriesRole::Plan.color(),
                SeriesRole::Actual.color(),
            ],
            20.0,
        ),
    ];
    for (what, colors, least) in cases {
        let (d, vision, a, b) = closest(&colors);
        assert!(
            d >= least,
            "{what}: {a} and {b} are only ΔE {d:.1} apart under {vision:?} (need {least})"
        );
    }
}

#[test]
fn the_simulation_itself_is_sound() {
    // Red and green, told apart by everyone else, merge for a deuteranope; black and white never.
    let apart = |a, b, v| {
        delta_e(
            simulate(a, v).unwrap_or_default(),
            simulate(b, v).unwrap_or_default(),
        )
    };
    assert!(apart("#FF0000", "#00FF00", Vision::Typical) > 100.0);
    assert!(
        apart("#CC6666", "#8C8C3E", Vision::Deuteranopia)
            < apart("#CC6666", "#8C8C3E", Vision::Typical)
    );
    assert!((apart("#000000", "#FFFFFF", Vision::Tritanopia) - 100.0).abs() < 0.5);
    assert_eq!(linear("#12345"), None);
}

/// The WCAG contrast ratio of two "#RRGGBB" (or "#RGB") colours.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let digits = hex.trim_start_matches('#');
        let full = if digits.len() == 3 {
            format!(
                "#{}",
                digits.chars().flat_map(|c| [c, c]).collect::<String>()
            )
        } else {
            hex.to_owned()
        };
        let [r, g, b] = linear(&full).unwrap_or_else(|| panic!("not a colour: {hex}"));
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The custom properties set in the first `:root { … }` after `marker` in the stylesheet.
fn root_vars(css: &'static str, marker: &str) -> Vec<(&'static str, &'static str)> {
    let from = css.find(marker).unwrap_or(css.len());
    let block = css[from..].split_once(":root {").map_or("", |(_, rest)| {
        rest.split_once('}').map_or(rest, |(b, _)| b)
    });
    block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            Some((name, value.trim().trim_end_matches(';')))
        })
        .collect()
}

#[test]
fn the_stylesheets_status_colours_read_on_their_background() {
    // A status word is coloured text on the surface, its icon the surface's colour on the
    // status colour: both need 4,5:1 (WCAG AA), in light, dark and print.
    // The stylesheets in the page's order: one cascade.
    let css = concat!(
        include_str!("../../style/base.css"),
        include_str!("../../style/layout.css"),
        include_str!("../../style/tables.css"),
        include_str!("../../style/target.css"),
        include_str!("../../style/tasks.css"),
        include_str!("../../style/access.css"),
        include_str!("../../style/report.css"),
        include_str!("../../style/shell.css"),
    );
    let light = root_vars(css, "");
    let modes = [
        ("light", light.clone(), light.clone()),
        (
            "dark",
            root_vars(css, "prefers-color-scheme: dark"),
            light.clone(),
        ),
        ("print", root_vars(css, "@media print {\n  :root"), light),
    ];
    for (mode, vars, fallback) in modes {
        let var = |name: &str| {
            vars.iter()
                .chain(fallback.iter())
                .find(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .unwrap_or_else(|| panic!("{mode}: no --{name}"))
        };
        for status in Status::ALL {
            let colour = var(status.code());
            for background in ["surface", "bg"] {
                let ratio = contrast(colour, var(background));
                assert!(
                    ratio >= 4.5,
                    "{mode}: --{} {colour} on --{background} is {ratio:.2}:1",
                    status.code()
                );
            }
        }
    }
    assert!((contrast("#000", "#FFFFFF") - 21.0).abs() < 1e-9);
}
