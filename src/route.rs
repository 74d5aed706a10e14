//! The app's pages as a hash route (`#/chi-tieu/<id>`), which works on any static host, under
//! any sub-path, with no server rewrite rules. Pure: parsing and links only.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    Target(String),
    Tasks,
    Resolution,
    /// A snapshot shared by link: the payload of `snapshot::encode`.
    Snapshot(String),
    /// Backup, export and import.
    Data,
    /// The Biểu a People's Council receives: printed, or downloaded as a workbook.
    Report,
    NotFound,
}

const TARGET_PREFIX: &str = "#/chi-tieu/";
const TASKS: &str = "#/nhiem-vu";
const RESOLUTION: &str = "#/nghi-quyet";
const SNAPSHOT_PREFIX: &str = "#/chia-se/";
const DATA: &str = "#/du-lieu";
const REPORT: &str = "#/bao-cao";

impl Route {
    /// Reads a route from `location.hash` ("" and "#/" are the overview).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_end_matches('/');
        match hash {
            "" | "#" => Route::Overview,
            TASKS => Route::Tasks,
            RESOLUTION => Route::Resolution,
            DATA => Route::Data,
            REPORT => Route::Report,
            _ if hash.starts_with(SNAPSHOT_PREFIX) => match hash.strip_prefix(SNAPSHOT_PREFIX) {
                Some(payload)
                    if !payload.is_empty()
                        && payload
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
                {
                    Route::Snapshot(payload.to_owned())
                }
                _ => Route::NotFound,
            },
            _ => match hash.strip_prefix(TARGET_PREFIX) {
                Some(id)
                    if !id.is_empty()
                        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
                {
                    Route::Target(id.to_owned())
                }
                _ => Route::NotFound,
            },
        }
    }

    /// The link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Overview | Route::NotFound => "#/".to_owned(),
            Route::Target(id) => format!("{TARGET_PREFIX}{id}"),
            Route::Tasks => TASKS.to_owned(),
            Route::Resolution => RESOLUTION.to_owned(),
            Route::Data => DATA.to_owned(),
            Route::Report => REPORT.to_owned(),
            Route::Snapshot(payload) => format!("{SNAPSHOT_PREFIX}{payload}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route_and_links_back() {
        let cases = [
            ("", Route::Overview),
            ("#/", Route::Overview),
            (
                "#/chi-tieu/forest-cover",
                Route::Target("forest-cover".to_owned()),
            ),
            (
                "#/chi-tieu/forest-cover/",
                Route::Target("forest-cover".to_owned()),
            ),
            ("#/nhiem-vu", Route::Tasks),
            ("#/nghi-quyet", Route::Resolution),
            ("#/chi-tieu/", Route::NotFound),
            ("#/chi-tieu/<script>", Route::NotFound),
            ("#/khac", Route::NotFound),
            ("#/chia-se/eJx-_9", Route::Snapshot("eJx-_9".to_owned())),
            ("#/chia-se/a.b", Route::NotFound),
            ("#/du-lieu", Route::Data),
            ("#/bao-cao", Route::Report),
            ("#/bao-cao/", Route::Report),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            if route != Route::NotFound {
                assert_eq!(Route::parse(&route.href()), route);
            }
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

            /// Any hash is a route (NotFound at worst), and a route read links back to itself.
            #[test]
            fn any_hash_is_a_route_that_links_back(
                hash in prop_oneof![
                    "\\PC{0,40}",
                    "#/(chi-tieu|chia-se|nhiem-vu|nghi-quyet|du-lieu|bao-cao)?/?[\\PCa-z0-9_/-]{0,20}",
                ]
            ) {
                let route = Route::parse(&hash);
                if route != Route::NotFound {
                    prop_assert_eq!(Route::parse(&route.href()), route);
                }
            }
        }
    }
}
