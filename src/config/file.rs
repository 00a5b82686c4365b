//! The configuration file's shape (serde, every value kept with its place in the text) and the
//! checks that turn it into a `Config`: each problem is reported at the byte range of the key
//! or value at fault.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Config, Problem};
use crate::app::ColorChoice;
use crate::app::keymap::{BindError, Key, Scope};
use crate::strings::Lang;
use crate::ui::theme::{self, BUILT_IN, Role, Theme};

/// `[keys.SCOPE] action = [keys…]`: scope → action → keys, each where the file has it.
type RawKeys = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    reader: Reader,
    #[serde(default)]
    theme: RawTheme,
    #[serde(default)]
    keys: RawKeys,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Reader {
    measure: Option<Spanned<i64>>,
    list_width: Option<Spanned<i64>>,
    language: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    mouse: Option<bool>,
    mark_read_on_open: Option<bool>,
    watch: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    name: Option<Spanned<String>>,
    #[serde(default)]
    styles: BTreeMap<Spanned<String>, Spanned<String>>,
}

fn problem(at: Range<usize>, message: impl Into<String>) -> Problem {
    Problem {
        at,
        message: message.into(),
    }
}

pub(super) fn parse(text: &str) -> Result<Config, Problem> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        problem(e.span().unwrap_or(0..0), message)
    })?;
    let defaults = Config::default();
    let reader = raw.reader;
    let mut config = Config {
        measure: number(reader.measure, 20..=1000, "measure")?,
        list_width: number(reader.list_width, 10..=500, "list-width")?,
        lang: language(reader.language)?,
        color: color(reader.color)?,
        mouse: reader.mouse.unwrap_or(defaults.mouse),
        mark_read_on_open: reader
            .mark_read_on_open
            .unwrap_or(defaults.mark_read_on_open),
        watch: reader.watch.unwrap_or(defaults.watch),
        theme: theme(raw.theme)?,
        ..defaults
    };
    bind_keys(&mut config, raw.keys)?;
    Ok(config)
}

fn number(
    value: Option<Spanned<i64>>,
    range: std::ops::RangeInclusive<i64>,
    name: &str,
) -> Result<Option<u16>, Problem> {
    let Some(value) = value else {
        return Ok(None);
    };
    if !range.contains(value.get_ref()) {
        return Err(problem(
            value.span(),
            format!(
                "{name} must be from {} to {}, not {}",
                range.start(),
                range.end(),
                value.get_ref()
            ),
        ));
    }
    Ok(u16::try_from(*value.get_ref()).ok())
}

fn language(value: Option<Spanned<String>>) -> Result<Option<Lang>, Problem> {
    let Some(value) = value else {
        return Ok(None);
    };
    match value.get_ref().as_str() {
        "auto" => Ok(None),
        "fr" => Ok(Some(Lang::Fr)),
        "en" => Ok(Some(Lang::En)),
        other => Err(problem(
            value.span(),
            format!("language must be \"fr\", \"en\" or \"auto\", not \"{other}\""),
        )),
    }
}

fn color(value: Option<Spanned<String>>) -> Result<ColorChoice, Problem> {
    let Some(value) = value else {
        return Ok(ColorChoice::Auto);
    };
    match value.get_ref().as_str() {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        other => Err(problem(
            value.span(),
            format!("color must be \"auto\", \"always\" or \"never\", not \"{other}\""),
        )),
    }
}

fn theme(raw: RawTheme) -> Result<Theme, Problem> {
    let mut theme = match raw.name {
        None => Theme::default(),
        Some(name) => Theme::built_in(name.get_ref()).ok_or_else(|| {
            problem(
                name.span(),
                format!(
                    "no theme \"{}\" (built in: {})",
                    name.get_ref(),
                    BUILT_IN.join(", ")
                ),
            )
        })?,
    };
    for (role, spec) in raw.styles {
        let named = Role::from_name(role.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            problem(
                role.span(),
                format!(
                    "no style \"{}\" (styles: {})",
                    role.get_ref(),
                    known.join(", ")
                ),
            )
        })?;
        let style = theme::parse_style(spec.get_ref()).map_err(|e| problem(spec.span(), e))?;
        theme.set(named, style);
    }
    Ok(theme)
}

/// Applies `[keys.SCOPE] action = [keys…]` over the defaults, then refuses a key that two
/// bindings of one mode claim, at the place the file bound it.
fn bind_keys(config: &mut Config, raw: RawKeys) -> Result<(), Problem> {
    let mut placed: Vec<(Scope, String, Key, Range<usize>)> = Vec::new();
    for (scope_name, actions) in raw {
        let scope = Scope::from_config_name(scope_name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Scope::ALL.iter().map(|s| s.config_name()).collect();
            problem(
                scope_name.span(),
                format!(
                    "no key table [keys.{}] (tables: {})",
                    scope_name.get_ref(),
                    known.join(", ")
                ),
            )
        })?;
        for (action, keys) in actions {
            let mut parsed = Vec::new();
            for spec in keys.get_ref() {
                let key = Key::parse(spec.get_ref()).ok_or_else(|| {
                    problem(
                        spec.span(),
                        format!(
                            "\"{}\" is not a key (write q, Ctrl-C, Alt-Right, PageDown, Space, F5…)",
                            spec.get_ref()
                        ),
                    )
                })?;
                placed.push((scope, action.get_ref().clone(), key, spec.span()));
                parsed.push(key);
            }
            config
                .keymap
                .set(scope, action.get_ref(), parsed)
                .map_err(|e| bind_problem(e, scope, &action))?;
        }
    }
    let Some(clash) = config.keymap.clash() else {
        return Ok(());
    };
    let place = |(scope, name): (Scope, &str)| {
        placed
            .iter()
            .find(|(s, n, k, _)| *s == scope && n == name && *k == clash.key)
            .map(|(.., at)| at.clone())
    };
    let at = place(clash.second)
        .or_else(|| place(clash.first))
        .unwrap_or(0..0);
    let [first, second] = [clash.first, clash.second]
        .map(|(scope, name)| format!("{name} [keys.{}]", scope.config_name()));
    Err(problem(
        at,
        format!(
            "{} is bound twice in the {} mode: to {first} and to {second}",
            clash.key.spec(),
            format!("{:?}", clash.mode).to_lowercase()
        ),
    ))
}

fn bind_problem(error: BindError, scope: Scope, action: &Spanned<String>) -> Problem {
    let message = match error {
        BindError::UnknownAction => format!("no action \"{}\"", action.get_ref()),
        BindError::NotHere { scopes } => {
            let tables: Vec<String> = scopes
                .iter()
                .map(|s| format!("[keys.{}]", s.config_name()))
                .collect();
            format!(
                "{} cannot be bound in [keys.{}], only in {}",
                action.get_ref(),
                scope.config_name(),
                tables.join(", ")
            )
        }
    };
    problem(action.span(), message)
}
