//! Every word the interface says, in French and English, in one table: a `Text` is the pair,
//! `Lang` picks one. Page text is never here: it is shown as the page has it.

use std::ffi::OsString;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// French when the locale is French, English otherwise, asking the variables in the order
    /// POSIX gives them precedence (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// The same choice from any source of variables (tests pass a table).
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty());
        match locale {
            Some(value)
                if value
                    .to_string_lossy()
                    .to_ascii_lowercase()
                    .starts_with("fr") =>
            {
                Lang::Fr
            }
            _ => Lang::En,
        }
    }

    pub fn pick(self, text: Text) -> &'static str {
        match self {
            Lang::Fr => text.fr,
            Lang::En => text.en,
        }
    }
}

/// One thing the interface says, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub fr: &'static str,
    pub en: &'static str,
}

pub const fn text(fr: &'static str, en: &'static str) -> Text {
    Text { fr, en }
}

// The reading pane.
pub const VOIR_PLUS: Text = text("Voir plus", "See also");
pub const CITE_PAR: Text = text("Cité par", "Cited by");
pub const SUMMARY_ONLY: Text = text(
    "Seul le résumé de cet article figure dans le corpus.",
    "Only this article's summary is in the corpus.",
);
/// Before a photo credit; the no-break spaces keep French typography.
pub const PHOTO: Text = text("Photo\u{A0}:\u{A0}", "Photo: ");
pub const NO_ARTICLES: Text = text("Aucun article chargé.", "No article loaded.");
pub const EMPTY_LIST: Text = text("(aucun article)", "(no articles)");

// The status bar.
pub const ARTICLE: Text = text("article", "article");
pub const ARTICLES: Text = text("articles", "articles");
pub const ARTICLES_SHORT: Text = text("art.", "art.");
pub const FULL: Text = text("complet", "full");
pub const SUMMARY: Text = text("résumé", "summary");
pub const HISTORY: Text = text("historique", "history");
pub const HISTORY_SHORT: Text = text("hist.", "hist.");
pub const RAW: Text = text("texte brut", "raw text");
pub const RAW_SHORT: Text = text("brut", "raw");
/// A corpus still arriving in the background.
pub const LOADING: Text = text("chargement", "loading");
/// The terminal is larger than what is drawn of it.
pub const SCREEN_CUT: Text = text("écran limité à", "screen limited to");
pub const LINK: Text = text("lien", "link");
/// Where a link leads, said before it is followed.
pub const TO_FULL: Text = text("page complète", "full page");
pub const TO_SUMMARY: Text = text("résumé seul", "summary only");
/// Articles not read yet, after their count.
pub const UNREAD: Text = text("non lus", "unread");
/// The list shows only starred articles.
pub const STARRED_ONLY: Text = text("favoris seulement", "starred only");

// The help popup.
pub const HELP_TITLE: Text = text(" Aide ", " Help ");
pub const MORE_BELOW: Text = text(" ↓ suite ", " ↓ more ");
pub const MORE_ABOVE: Text = text(" ↑ ", " ↑ ");
pub const MOUSE: Text = text("Souris", "Mouse");
pub const SIGNS: Text = text("Signes", "Signs");

/// The one-off remarks of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    NoHighlightedLink,
    NoLinks,
    /// No link with this number (counted from 1).
    NoLink(usize),
    HistoryStart,
    HistoryEnd,
    FirstArticle,
    LastArticle,
    /// No article is open to hand to another tool.
    NoArticle,
    /// The open article was written to this file.
    Wrote(String),
    /// The title (or the whole article) went to the terminal's clipboard.
    Copied {
        whole: bool,
    },
    /// Standard output is not a terminal: there is no clipboard to send to.
    NoClipboard,
    /// The article has no source file on disk (the bundled corpus, an export).
    NoSourceFile,
    /// A hand-off failed: what was tried, and why (already inert).
    Failed(String),
    MarkedRead,
    MarkedUnread,
    Starred,
    Unstarred,
    NoStarred,
    NoUnread,
    Undone,
    NothingToUndo,
    /// The state database was unreadable: moved aside, a fresh one started.
    StateMovedAside,
    /// No state database could be opened: marks live in memory until quit.
    StateInMemory,
    /// A change could not be written (read-only or full disk): kept in memory.
    StateUnsaved,
}

impl Message {
    pub fn render(self, lang: Lang) -> String {
        let fixed = |fr, en| lang.pick(text(fr, en)).to_owned();
        let said = |fr: &str, en: &str, what: &str| match lang {
            Lang::Fr => format!("{fr}\u{A0}: {what}"),
            Lang::En => format!("{en}: {what}"),
        };
        match self {
            Message::NoHighlightedLink => {
                fixed("Aucun lien en surbrillance", "No link highlighted")
            }
            Message::NoLinks => fixed("Cet article n’a aucun lien", "This article has no links"),
            Message::NoLink(n) => match lang {
                Lang::Fr => format!("Pas de lien {n}"),
                Lang::En => format!("No link {n}"),
            },
            Message::HistoryStart => fixed("Début de l’historique", "Start of history"),
            Message::HistoryEnd => fixed("Fin de l’historique", "End of history"),
            Message::FirstArticle => {
                fixed("Premier article de la liste", "First article of the list")
            }
            Message::LastArticle => {
                fixed("Dernier article de la liste", "Last article of the list")
            }
            Message::NoArticle => fixed("Aucun article ouvert", "No article open"),
            Message::Wrote(path) => said("Écrit", "Written", &path),
            Message::Copied { whole: false } => fixed("Titre copié", "Title copied"),
            Message::Copied { whole: true } => fixed("Article copié", "Article copied"),
            Message::NoClipboard => fixed("Pas de terminal où copier", "No terminal to copy to"),
            Message::NoSourceFile => fixed(
                "Cet article n’a pas de fichier source sur le disque",
                "This article has no source file on disk",
            ),
            Message::Failed(why) => said("Échec", "Failed", &why),
            Message::MarkedRead => fixed("Marqué lu", "Marked read"),
            Message::MarkedUnread => fixed("Marqué non lu", "Marked unread"),
            Message::Starred => fixed("Ajouté aux favoris ★", "Starred ★"),
            Message::Unstarred => fixed("Retiré des favoris", "Unstarred"),
            Message::NoStarred => fixed(
                "Aucun favori (s pour en ajouter)",
                "No starred article (s to star)",
            ),
            Message::NoUnread => {
                fixed("Plus d’article non lu par là", "No unread article that way")
            }
            Message::Undone => fixed("Annulé", "Undone"),
            Message::NothingToUndo => fixed("Rien à annuler", "Nothing to undo"),
            Message::StateMovedAside => fixed(
                "État illisible : mis de côté, nouvel état commencé",
                "State unreadable: moved aside, a fresh one started",
            ),
            Message::StateInMemory => fixed(
                "État non enregistrable : gardé en mémoire jusqu’à la sortie",
                "State cannot be saved: kept in memory until quit",
            ),
            Message::StateUnsaved => fixed(
                "Modification non enregistrée (disque plein ou en lecture seule) : gardée en mémoire",
                "Change not saved (disk full or read-only): kept in memory",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(table: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            table
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_locale_picks_the_language_in_posix_order() {
        assert_eq!(Lang::from_vars(vars(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[])), Lang::En);
        let both = &[("LC_ALL", "C"), ("LANG", "fr_CA.UTF-8")];
        assert_eq!(Lang::from_vars(vars(both)), Lang::En);
        let messages = &[("LC_ALL", ""), ("LC_MESSAGES", "fr_BE"), ("LANG", "en_US")];
        assert_eq!(Lang::from_vars(vars(messages)), Lang::Fr);
    }

    #[test]
    fn messages_are_worded_in_both_languages() {
        assert_eq!(Message::NoLink(12).render(Lang::Fr), "Pas de lien 12");
        assert_eq!(Message::NoLink(12).render(Lang::En), "No link 12");
        assert_eq!(Message::HistoryEnd.render(Lang::Fr), "Fin de l’historique");
    }
}
