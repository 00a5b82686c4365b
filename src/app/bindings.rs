//! The keymap in force: the default table (`keymap::BINDINGS`) with a configuration's changes
//! applied, as rows the keys are looked up in and the help is read from. A binding is named
//! by its scope and its action's stable name (`[keys.reader] move-down = ["j", "Down"]`).

use ratatui::crossterm::event::KeyEvent;

use super::Mode;
use super::keymap::{BINDINGS, Does, Key, Scope};
use crate::strings::{Lang, Text};

/// One binding of the keymap in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub scope: Scope,
    /// Empty when the configuration unbound it: the help leaves it out.
    pub keys: Vec<Key>,
    pub does: Does,
    /// What the help says the keys do.
    pub help: Text,
}

impl Row {
    /// The name a configuration file gives this binding's action.
    pub fn name(&self) -> &'static str {
        self.does.name()
    }

    /// The keys as the help names them.
    pub fn keys_label(&self, lang: Lang) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label(lang)).collect();
        labels.join(" ")
    }
}

/// Every binding in force, in the order the help shows them; the first that matches wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = BINDINGS
            .iter()
            .map(|b| Row {
                scope: b.scope,
                keys: b.keys.to_vec(),
                does: b.does(),
                help: b.help,
            })
            .collect();
        Keymap { rows }
    }
}

/// Why a binding asked for cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindError {
    /// No action has this name.
    UnknownAction,
    /// The action exists, but only in other scopes (moving the list makes no sense in help).
    NotHere { scopes: Vec<Scope> },
}

/// A key that two bindings of one mode both claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub mode: Mode,
    pub key: Key,
    /// The binding that wins, and the one that would never be reached.
    pub first: (Scope, &'static str),
    pub second: (Scope, &'static str),
}

impl Keymap {
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The binding a key press gives in `mode`.
    pub fn find(&self, mode: Mode, key: &KeyEvent) -> Option<&Row> {
        self.rows
            .iter()
            .filter(|r| r.scope.covers(mode))
            .find(|r| r.keys.iter().any(|k| k.matches(key)))
    }

    /// Gives the action named `name` in `scope` exactly these keys (none: unbound). An action
    /// the scope has no default binding for is added, when it means the same there: any
    /// action of the list-and-reader or everywhere scopes, or one bound in that scope.
    pub fn set(&mut self, scope: Scope, name: &str, keys: Vec<Key>) -> Result<(), BindError> {
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.scope == scope && r.name() == name)
        {
            row.keys = keys;
            return Ok(());
        }
        let named: Vec<&Row> = self.rows.iter().filter(|r| r.name() == name).collect();
        let Some(model) = named
            .iter()
            .find(|r| matches!(r.scope, Scope::Panes | Scope::Always))
        else {
            return Err(if named.is_empty() {
                BindError::UnknownAction
            } else {
                BindError::NotHere {
                    scopes: named.iter().map(|r| r.scope).collect(),
                }
            });
        };
        let row = Row {
            scope,
            keys,
            ..(*model).clone()
        };
        self.rows.push(row);
        Ok(())
    }

    /// The first key two bindings of one mode both claim: the second could never be reached.
    pub fn clash(&self) -> Option<Clash> {
        for mode in [Mode::Help, Mode::List, Mode::Reader] {
            let live: Vec<&Row> = self.rows.iter().filter(|r| r.scope.covers(mode)).collect();
            for (i, row) in live.iter().enumerate() {
                for &key in &row.keys {
                    let event = key.sample();
                    let first = live
                        .iter()
                        .position(|r| r.keys.iter().any(|k| k.matches(&event)));
                    if let Some(first) = first.filter(|&f| f != i) {
                        return Some(Clash {
                            mode,
                            key,
                            first: (live[first].scope, live[first].name()),
                            second: (row.scope, row.name()),
                        });
                    }
                }
            }
        }
        None
    }
}

impl Scope {
    /// Every scope, in the order the help and the configuration file list them.
    pub const ALL: [Scope; 5] = [
        Scope::Panes,
        Scope::InList,
        Scope::InReader,
        Scope::InHelp,
        Scope::Always,
    ];

    /// The scope's table in a configuration file: `[keys.reader]`.
    pub fn config_name(self) -> &'static str {
        match self {
            Scope::Always => "always",
            Scope::Panes => "panes",
            Scope::InList => "list",
            Scope::InReader => "reader",
            Scope::InHelp => "help",
        }
    }

    pub fn from_config_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.config_name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_rebound_action_answers_to_its_new_key_only() {
        let mut keymap = Keymap::default();
        keymap
            .set(
                Scope::InReader,
                "move-down",
                vec![Key::Code(KeyCode::Char('x'))],
            )
            .unwrap();
        let row = keymap.find(Mode::Reader, &press('x')).unwrap();
        assert_eq!(row.name(), "move-down");
        assert!(keymap.find(Mode::Reader, &press('j')).is_none());
        assert_eq!(
            keymap.find(Mode::List, &press('j')).unwrap().name(),
            "move-down"
        );
    }

    #[test]
    fn an_action_can_be_added_to_a_scope_unbound_or_refused() {
        let mut keymap = Keymap::default();
        keymap
            .set(Scope::InReader, "quit", vec![Key::Code(KeyCode::Char('x'))])
            .unwrap();
        assert_eq!(
            keymap.find(Mode::Reader, &press('x')).unwrap().name(),
            "quit"
        );
        keymap.set(Scope::Panes, "quit", Vec::new()).unwrap();
        assert!(keymap.find(Mode::List, &press('q')).is_none());
        assert_eq!(
            keymap.set(Scope::InHelp, "open", Vec::new()),
            Err(BindError::NotHere {
                scopes: vec![Scope::InList]
            })
        );
        assert_eq!(
            keymap.set(Scope::InList, "fly", Vec::new()),
            Err(BindError::UnknownAction)
        );
    }

    #[test]
    fn a_key_claimed_twice_in_one_mode_is_a_clash() {
        let mut keymap = Keymap::default();
        keymap
            .set(Scope::InList, "open", vec![Key::Code(KeyCode::Char('q'))])
            .unwrap();
        let clash = keymap.clash().unwrap();
        assert_eq!(clash.mode, Mode::List);
        assert_eq!(clash.first, (Scope::Panes, "quit"));
        assert_eq!(clash.second, (Scope::InList, "open"));
    }
}
