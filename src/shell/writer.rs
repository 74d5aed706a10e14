//! The writer the pre-rendered overview is made with: HTML whose every text or attribute that
//! depends on the language or on the user's figures carries a name (a *token*: in `data-word`
//! for the language's words, in `data-fill` for the figures), and, beside the HTML, the list of
//! those tokens with their values, in the page's order. The first paint's script
//! (`first_paint.js`) writes such a list into the page by token, as text or into a known
//! attribute, never as markup.

/// What a value depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The language only: the plan's words and the interface's.
    Words,
    /// The user's figures (and the language).
    Figures,
}

/// Where a value goes in its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The element's text.
    Text,
    /// One of the attributes the first paint's script may set ([`ATTRIBUTES`]).
    Attr(&'static str),
}

/// The attributes the first paint may write; the script refuses any other.
pub const ATTRIBUTES: [&str; 6] = [
    "data-label",
    "data-status",
    "aria-label",
    "lang",
    "x",
    "width",
];

/// The name under which a record marks the start of a target's row (the value is its id).
pub const ROW: &str = "#row";

/// One named value of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    /// The token as the page names it: `name` for the text, `name@attribute` for an attribute.
    pub token: String,
    pub value: String,
    pub kind: Kind,
}

/// How a value of the figures is written before they are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// "…" in the text's place.
    Ellipsis,
    /// The value of a plan with no figures, hidden (`prerender-hidden`), so that the element
    /// keeps the lines it will have.
    Hidden,
    /// For an attribute: this value, or no attribute.
    Attr(Option<&'static str>),
}

/// One value an element carries.
#[derive(Clone, Debug)]
pub struct Slot {
    name: String,
    place: Place,
    kind: Kind,
    value: String,
    before: Before,
}

impl Slot {
    /// The element's text, in the page's language.
    pub fn words(name: impl Into<String>, value: impl Into<String>) -> Slot {
        Slot {
            name: name.into(),
            place: Place::Text,
            kind: Kind::Words,
            value: value.into(),
            before: Before::Ellipsis,
        }
    }

    /// An attribute, in the page's language.
    pub fn words_attr(
        name: impl Into<String>,
        attr: &'static str,
        value: impl Into<String>,
    ) -> Slot {
        Slot {
            place: Place::Attr(attr),
            ..Slot::words(name, value)
        }
    }

    /// The element's text, from the user's figures; "…" until they are known.
    pub fn figure(name: impl Into<String>, value: impl Into<String>) -> Slot {
        Slot {
            kind: Kind::Figures,
            ..Slot::words(name, value)
        }
    }

    /// The element's text, from the user's figures; until they are known, the value of a plan
    /// with no figures, hidden.
    pub fn figure_hidden(name: impl Into<String>, value: impl Into<String>) -> Slot {
        Slot {
            before: Before::Hidden,
            ..Slot::figure(name, value)
        }
    }

    /// An attribute from the user's figures, `before` until they are known.
    pub fn figure_attr(
        name: impl Into<String>,
        attr: &'static str,
        value: impl Into<String>,
        before: Option<&'static str>,
    ) -> Slot {
        Slot {
            place: Place::Attr(attr),
            before: Before::Attr(before),
            ..Slot::figure(name, value)
        }
    }

    fn token(&self) -> String {
        match self.place {
            Place::Text => self.name.clone(),
            Place::Attr(attr) => format!("{}@{attr}", self.name),
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// HTML being written, and the values named in it.
pub struct Writer {
    pub html: String,
    pub fills: Vec<Fill>,
    /// Whether the user's figures are known (drawn) or not yet (placeholders).
    known: bool,
    /// Writes every named value empty: what is left is what no value may change (tests).
    blank: bool,
}

impl Writer {
    pub fn new(known: bool) -> Writer {
        Writer {
            html: String::with_capacity(64_000),
            fills: Vec::with_capacity(800),
            known,
            blank: false,
        }
    }

    /// A writer that leaves every named value empty, so that two pages written with it differ
    /// only where something is not named.
    #[cfg(test)]
    pub fn blank() -> Writer {
        Writer {
            blank: true,
            ..Writer::new(true)
        }
    }

    /// Markup with no values in it, as is.
    pub fn raw(&mut self, html: &str) {
        self.html.push_str(html);
    }

    /// An element's start tag: its fixed attributes (already escaped where needed), then those
    /// its slots give, its tokens, and then its text, when a slot gives one.
    pub fn open(&mut self, tag: &str, attrs: &str, slots: &[Slot]) {
        // The words' names first (`data-word`), then the figures' (`data-fill`): the first
        // paint walks the figures' places alone when the page is in the reader's language.
        let slots: Vec<&Slot> = slots
            .iter()
            .filter(|s| s.kind == Kind::Words)
            .chain(slots.iter().filter(|s| s.kind == Kind::Figures))
            .collect();
        self.html.push('<');
        self.html.push_str(tag);
        let hidden = !self.known
            && slots
                .iter()
                .any(|s| s.kind == Kind::Figures && s.before == Before::Hidden);
        let mut attrs = attrs.to_owned();
        if hidden {
            attrs = match attrs.find("class=\"") {
                Some(at) => {
                    let at = at + "class=\"".len();
                    format!("{}prerender-hidden {}", &attrs[..at], &attrs[at..])
                }
                None => format!("{attrs} class=\"prerender-hidden\""),
            };
        }
        if !attrs.is_empty() {
            self.html.push(' ');
            self.html.push_str(attrs.trim_start());
        }
        for slot in &slots {
            if let Place::Attr(attr) = slot.place {
                let value = match (slot.kind, self.known, slot.before) {
                    _ if self.blank => Some(String::new()),
                    (Kind::Figures, false, Before::Attr(before)) => before.map(str::to_owned),
                    _ => Some(slot.value.clone()),
                };
                if let Some(value) = value {
                    self.html.push_str(&format!(" {attr}=\"{}\"", esc(&value)));
                }
            }
        }
        for (kind, attr) in [(Kind::Words, "data-word"), (Kind::Figures, "data-fill")] {
            let tokens: Vec<String> = slots
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.token())
                .collect();
            if !tokens.is_empty() {
                self.html
                    .push_str(&format!(" {attr}=\"{}\"", esc(&tokens.join(" "))));
            }
        }
        self.html.push('>');
        for slot in slots {
            if slot.place == Place::Text {
                let text = match (slot.kind, self.known, slot.before) {
                    _ if self.blank => String::new(),
                    (Kind::Figures, false, Before::Ellipsis) => "…".to_owned(),
                    _ => esc(&slot.value),
                };
                self.html.push_str(&text);
            }
            self.fills.push(Fill {
                token: slot.token(),
                value: slot.value.clone(),
                kind: slot.kind,
            });
        }
    }

    pub fn close(&mut self, tag: &str) {
        self.html.push_str(&format!("</{tag}>"));
    }

    /// An element with its slots and nothing else in it.
    pub fn element(&mut self, tag: &str, attrs: &str, slots: &[Slot]) {
        self.open(tag, attrs, slots);
        self.close(tag);
    }

    /// The start tag of a target's row, which the values of its cells follow: the record names
    /// the row (`#row` and its id) before them, and the script checks it is the same row.
    pub fn row(&mut self, id: &str) {
        self.html
            .push_str(&format!("<tr data-prerendered=\"{}\">", esc(id)));
        self.fills.push(Fill {
            token: ROW.to_owned(),
            value: id.to_owned(),
            kind: Kind::Figures,
        });
    }

    /// A text that is a node of its own in the app, held by a span that only names it.
    pub fn text(&mut self, slot: Slot) {
        self.element("span", "", &[slot]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_names_its_values_and_writes_them_or_their_placeholders() {
        let write = |known: bool| {
            let mut w = Writer::new(known);
            w.element(
                "td",
                "class=\"current-value\"",
                &[
                    Slot::words_attr("label.current", "data-label", "Thực hiện"),
                    Slot::figure("budget.current", "1.837,5 <tỷ>"),
                ],
            );
            w
        };
        let known = write(true);
        assert_eq!(
            known.html,
            "<td class=\"current-value\" data-label=\"Thực hiện\" \
             data-word=\"label.current@data-label\" data-fill=\"budget.current\">1.837,5 &lt;tỷ&gt;</td>"
        );
        let unknown = write(false);
        assert_eq!(
            unknown.html,
            "<td class=\"current-value\" data-label=\"Thực hiện\" \
             data-word=\"label.current@data-label\" data-fill=\"budget.current\">…</td>"
        );
        // Either way the list holds the values, named as the page names them.
        assert_eq!(known.fills, unknown.fills);
        assert_eq!(
            unknown.fills[1],
            Fill {
                token: "budget.current".to_owned(),
                value: "1.837,5 <tỷ>".to_owned(),
                kind: Kind::Figures,
            }
        );
    }

    #[test]
    fn placeholders_keep_their_place() {
        let mut w = Writer::new(false);
        w.element(
            "span",
            "class=\"chart-summary\"",
            &[Slot::figure_hidden("caption", "Trong 49 chỉ tiêu")],
        );
        w.element(
            "rect",
            "class=\"bar\"",
            &[
                Slot::figure_attr("bar.1", "width", "25%", Some("0%")),
                Slot::figure_attr("s.1", "data-status", "achieved", None),
            ],
        );
        assert_eq!(
            w.html,
            "<span class=\"prerender-hidden chart-summary\" data-fill=\"caption\">Trong 49 chỉ tiêu</span>\
             <rect class=\"bar\" width=\"0%\" data-fill=\"bar.1@width s.1@data-status\"></rect>"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<img src=x onerror=\"a\"> & b"),
            "&lt;img src=x onerror=&quot;a&quot;&gt; &amp; b"
        );
    }
}
