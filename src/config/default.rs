//! The commented default configuration (`liseuse config --default`): every option with its
//! default and what it does, every style of the default theme, and every binding of the
//! default keymap, written from the keymap itself so the file can never leave one out. Read
//! back, it gives the defaults exactly.

use std::fmt::Write as _;

use crate::app::Keymap;
use crate::app::keymap::Scope;
use crate::strings::Lang;
use crate::ui::theme::{BUILT_IN, Role, Theme, style_spec};

const HEADER: &str = "\
# liseuse configuration: $XDG_CONFIG_HOME/liseuse/config.toml (or --config PATH).
# Check a file with `liseuse config --check PATH`. A problem is reported as
# file:line:column, and the reader does not start until it is fixed.

[reader]
# Widest text column of the reading pane, 20 to 1000 (--measure wins).
# measure = 80
# Columns of the list beside the reader (by default a third of the screen).
# list-width = 40
# Interface language: \"fr\", \"en\" or \"auto\" (from LC_ALL, LC_MESSAGES, LANG).
# language = \"auto\"
# Colour: \"auto\" (none when NO_COLOR is set), \"always\" or \"never\" (--color wins).
# color = \"auto\"
# Take the mouse (wheel, clicks); false leaves text selection to the terminal (--no-mouse).
# mouse = true
# Kept for parts still being built, read but not used yet:
# opening an article marks it read; watch the folders for new pages.
# mark-read-on-open = true
# watch = false
";

/// The whole default file.
pub fn default_file() -> String {
    let mut out = HEADER.to_owned();
    theme_section(&mut out);
    keys_sections(&mut out, &Keymap::default());
    out
}

fn theme_section(out: &mut String) {
    let theme = Theme::default();
    out.push_str("\n[theme]\n");
    let _ = writeln!(
        out,
        "# The theme the styles below change: {}.",
        BUILT_IN.join(", ")
    );
    out.push_str("name = \"default\"\n\n");
    out.push_str("[theme.styles]\n");
    out.push_str(
        "# Words: bold dim italic underline reverse, a colour (red, light-blue, #3366ff, 208)\n\
         # and `on COLOUR` for the background; `plain` is none. The default theme's styles:\n",
    );
    for role in Role::ALL {
        let _ = writeln!(
            out,
            "# {} = \"{}\"",
            role.name(),
            style_spec(theme.get(role))
        );
    }
}

/// One table per scope, one line per binding, its help as a comment.
fn keys_sections(out: &mut String, keymap: &Keymap) {
    out.push_str(
        "\n# Key bindings, by where they apply: `action = [keys]`; `[]` unbinds. Keys: a\n\
         # character (q, L, |), Ctrl-X, Alt-KEY, Up Down Left Right PageUp PageDown Home End\n\
         # Enter Esc Tab Shift-Tab Backspace Delete Insert Space F1..F12, and `digits`.\n\
         # An action of [keys.panes] or [keys.always] may be added to any table.\n",
    );
    for scope in Scope::ALL {
        let _ = writeln!(
            out,
            "\n[keys.{}]  # {}",
            scope.config_name(),
            Lang::En.pick(scope.title()).to_lowercase()
        );
        for row in keymap.rows().iter().filter(|r| r.scope == scope) {
            let keys: Vec<String> = row.keys.iter().map(|k| format!("{:?}", k.spec())).collect();
            let _ = writeln!(out, "# {}", Lang::En.pick(row.help));
            let _ = writeln!(out, "{} = [{}]", row.name(), keys.join(", "));
        }
    }
}
