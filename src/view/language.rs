//! Which words of the panel's own a version of the report shows: the translation into its
//! language where there is one, else the original, marked with the original's language
//! so that a screen reader reads it in the right voice and a reader sees it is not yet
//! translated. Counting never looks here: it is done once, on the plain files.

use std::collections::HashMap;

use super::View;
use crate::model::{Block, Case, Doc, Observation, Point, Section, Translated, Translation};

/// Text as a version shows it, with the language it is in when that is not the version's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// `Some("en")` for English text in the Welsh version, which it marks as English.
    pub lang: Option<&'a str>,
}

/// A case's body as a version shows it.
pub struct CaseBody<'a> {
    pub title: Option<Shown<'a>>,
    pub sections: &'a [Section],
    pub points: &'a [Point],
    /// The language of the body when it is not the version's.
    pub lang: Option<&'a str>,
    /// The points and headings whose language differs from the body's.
    pub point_langs: PointLangs<'a>,
    /// The force's response, shown after the panel's points, with its language when that
    /// is not the version's: a translation may leave it in the force's own words.
    pub response: Option<(&'a [Block], Option<&'a str>)>,
    /// The panel's restricted notes, in a copy that carries them, likewise.
    pub restricted: Option<(&'a [Block], Option<&'a str>)>,
}

/// The points of a case body in another language than the body around them: in a case
/// folder's translation, the members' points, which the translation of case.md does not
/// cover and so show in their own words, and the headings only a member's file has. A
/// screen reader needs each marked, or it reads them in the version's voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PointLangs<'a> {
    /// The members' points follow the case's own, so every point from here on is one.
    from: usize,
    lang: Option<&'a str>,
}

impl<'a> PointLangs<'a> {
    /// No point in another language: a body all in one.
    pub const NONE: PointLangs<'static> = PointLangs {
        from: 0,
        lang: None,
    };

    /// The language of the point at `point`, an index into the body's points, when it is
    /// not the body's.
    pub fn of(self, point: Option<usize>) -> Option<&'a str> {
        self.lang.filter(|_| point.is_some_and(|p| p >= self.from))
    }

    /// The language of `section`'s heading when it is not the body's.
    pub fn heading(self, section: &Section) -> Option<&'a str> {
        self.lang.filter(|_| section.untranslated)
    }
}

/// The translations into one language, by the path of the file each translates.
pub type Index<'a> = HashMap<&'a str, &'a Translation>;

/// `own`, in the `original` language, or its text in `language` among `others`.
pub fn pick<'a>(
    language: &str,
    original: &'a str,
    own: &'a str,
    others: &'a [(String, String)],
) -> Shown<'a> {
    if language == original {
        return Shown {
            text: own,
            lang: None,
        };
    }
    match others.iter().find(|(code, _)| code == language) {
        Some((_, text)) => Shown { text, lang: None },
        None => Shown {
            text: own,
            lang: Some(original),
        },
    }
}

pub fn index<'a>(translations: &'a [Translation], language: &str) -> Index<'a> {
    translations
        .iter()
        .filter(|t| t.language == language)
        .map(|t| (t.original.as_str(), t))
        .collect()
}

impl<'a> View<'a> {
    /// Whether this is the version in the plain files' own language.
    pub fn is_original(&self) -> bool {
        self.language == self.report.meta.language
    }

    /// The original language, to mark text that shows untranslated.
    fn fallback(&self) -> Option<&'a str> {
        (!self.is_original()).then_some(self.report.meta.language.as_str())
    }

    /// The report's other versions, in `languages:` order: each language and the words
    /// that lead to it, in that language ("This report in English").
    pub fn other_versions(&self) -> Vec<(&'a str, &'a str)> {
        let meta = &self.report.meta;
        meta.catalogues
            .iter()
            .filter(|(code, _)| code != self.language)
            .filter(|_| meta.languages.len() > 1)
            .map(|(code, labels)| (code.as_str(), labels.this_report_in.as_str()))
            .collect()
    }

    /// A text of report.yaml or themes.yaml in this version's language.
    pub fn tr(&self, own: &'a str, others: &'a [(String, String)]) -> Shown<'a> {
        pick(self.language, &self.report.meta.language, own, others)
    }

    pub fn title(&self) -> Shown<'a> {
        let meta = &self.report.meta;
        self.tr(&meta.title, &meta.title_in)
    }

    /// `panel:` in this version's language.
    pub fn panel(&self) -> Option<Shown<'a>> {
        let meta = &self.report.meta;
        Some(self.tr(meta.panel.as_deref()?, &meta.panel_in))
    }

    /// `organisation:` in this version's language.
    pub fn organisation(&self) -> Option<Shown<'a>> {
        let meta = &self.report.meta;
        Some(self.tr(meta.organisation.as_deref()?, &meta.organisation_in))
    }

    /// background.md, summary.md or closing.md as this version shows it.
    pub fn doc(&self, doc: &'a Option<Doc>) -> Option<(&'a [Block], Option<&'a str>)> {
        let doc = doc.as_ref()?;
        if !self.is_original()
            && let Some(Translated::Doc(translated)) =
                self.translations.get(doc.file.as_str()).map(|t| &t.content)
        {
            return Some((&translated.blocks, None));
        }
        Some((&doc.blocks, self.fallback()))
    }

    /// A case's title and feedback as this version shows them.
    pub fn case_body(&self, case: &'a Case) -> CaseBody<'a> {
        if !self.is_original()
            && let Some(Translated::Case {
                title,
                sections,
                points,
                response,
                restricted,
                ..
            }) = self
                .translations
                .get(case.file.as_str())
                .map(|t| &t.content)
        {
            let part = |own: &'a [Block], translated: &'a [Block]| {
                if translated.is_empty() {
                    (own, self.fallback())
                } else {
                    (translated, None)
                }
            };
            let response = case
                .response
                .as_ref()
                .map(|own| part(&own.blocks, response));
            let restricted = case
                .restricted
                .as_ref()
                .map(|own| part(&own.blocks, restricted));
            let title = title
                .as_deref()
                .map(|text| Shown { text, lang: None })
                .or_else(|| {
                    case.title.as_deref().map(|text| Shown {
                        text,
                        lang: self.fallback(),
                    })
                });
            // The translation's own points come first, then the members' (numbered on
            // past both its own and case.md's, as `translation::join_members` leaves them).
            let own = case
                .points
                .iter()
                .take_while(|p| p.member.is_none())
                .count();
            return CaseBody {
                title,
                sections,
                points,
                lang: None,
                point_langs: PointLangs {
                    from: own.max(points.len()),
                    lang: self.fallback(),
                },
                response,
                restricted,
            };
        }
        CaseBody {
            title: case.title.as_deref().map(|text| Shown { text, lang: None }),
            sections: &case.sections,
            points: &case.points,
            lang: self.fallback(),
            point_langs: PointLangs::NONE,
            response: case
                .response
                .as_ref()
                .map(|r| (r.blocks.as_slice(), self.fallback())),
            restricted: case
                .restricted
                .as_ref()
                .map(|r| (r.blocks.as_slice(), self.fallback())),
        }
    }

    /// `Case 6 – Public order offence` in this version, with the title's language when it
    /// is not the version's.
    pub fn case_heading(&self, case: &'a Case) -> (String, Option<&'a str>) {
        let label = self.names.heading(self.report.meta.case_key(case));
        match self.case_body(case).title {
            Some(title) => (format!("{label} – {}", title.text), title.lang),
            None => (label, None),
        }
    }

    /// Point `index` of a case as evidence quotes it: the translated point where the
    /// translation pairs with the original, else the original's.
    pub fn point_text(&self, case: &'a Case, index: usize) -> Option<Shown<'a>> {
        if !self.is_original()
            && let Some(Translated::Case {
                points,
                paired: true,
                ..
            }) = self
                .translations
                .get(case.file.as_str())
                .map(|t| &t.content)
            && let Some(point) = points.get(index)
        {
            return Some(Shown {
                text: &point.text,
                lang: None,
            });
        }
        case.points.get(index).map(|p| Shown {
            text: &p.text,
            lang: self.fallback(),
        })
    }

    /// An observation and the force's response as this version shows them.
    pub fn observation_text(
        &self,
        observation: &'a Observation,
    ) -> (&'a [Block], &'a [Block], Option<&'a str>) {
        if !self.is_original()
            && let Some(Translated::Observation {
                observation: text,
                response,
            }) = self
                .translations
                .get(observation.file.as_str())
                .map(|t| &t.content)
        {
            return (text, response, None);
        }
        (
            &observation.observation,
            &observation.response,
            self.fallback(),
        )
    }
}
