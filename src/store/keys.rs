//! Stable article keys: the slug of a title, and where several articles' titles slug alike, a
//! hash of each one's folded title and scraped text after it. They depend on neither load order
//! nor file names, so saved state, the catalogue and the search index name the same article in
//! every run.

use std::sync::Arc;

use super::{ArticleId, Store};

impl Store {
    /// Files `id` under `base`, the slug of its title, and the hash of its text.
    pub(super) fn rekey(&mut self, id: ArticleId, hash: u64, base: String) {
        self.hashes[id.index()] = hash;
        if *self.bases[id.index()] == *base {
            return;
        }
        let base: Arc<str> = base.into();
        let old = std::mem::replace(&mut self.bases[id.index()], Arc::clone(&base));
        if let Some(ids) = self.by_base.get_mut(&old) {
            ids.retain(|&other| other != id);
        }
        self.by_base.entry(base).or_default().push(id);
    }

    /// The stable key of an article, its id in exports, on the command line and in saved state:
    /// the slug of its title, and when other articles' titles slug alike, a hash of its folded
    /// title and scraped text after it (`le-pecheur-et-la-mer-1f2e3d4c`). It depends on neither
    /// load order nor file names, so it names the same article in every run over the corpus.
    pub fn key(&self, id: ArticleId) -> String {
        let base = &self.bases[id.index()];
        let group = &self.by_base[base];
        if group.len() == 1 {
            return base.to_string();
        }
        let short = |other: ArticleId| self.hashes[other.index()] as u32;
        let hash = short(id);
        // Two different texts whose hashes agree in 32 bits: the later loaded gets a count.
        let before = group
            .iter()
            .take_while(|&&other| other != id)
            .filter(|&&other| short(other) == hash)
            .count();
        match before {
            0 => format!("{base}-{hash:08x}"),
            n => format!("{base}-{hash:08x}-{}", n + 1),
        }
    }

    /// Every article whose title slugs as `id`'s does, `id` too, in load order: when there are
    /// several, each one's key has a hash.
    pub fn same_slug(&self, id: ArticleId) -> &[ArticleId] {
        self.by_base
            .get(&self.bases[id.index()])
            .map_or(&[], |ids| ids)
    }

    /// The article whose [`key`](Self::key) this is.
    pub fn find_key(&self, key: &str) -> Option<ArticleId> {
        if let Some([only]) = self.by_base.get(key).map(|ids| &**ids) {
            return Some(*only);
        }
        // The base is what comes before the hash (and its count, if any).
        let (mut base, mut hash) = key.rsplit_once('-')?;
        if !self.by_base.contains_key(base) {
            (base, hash) = base.rsplit_once('-')?;
        }
        let hash = u32::from_str_radix(hash, 16).ok()?;
        let ids = self.by_base.get(base).filter(|ids| ids.len() > 1)?;
        ids.iter()
            .copied()
            .filter(|&id| self.hashes[id.index()] as u32 == hash)
            .find(|&id| self.key(id) == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn keys_are_slugs_with_a_hash_only_where_slugs_meet() {
        let titles = ["« ! »", "Article 3", "漢", "字", "Article"];
        let (store, _) = Store::from_pages(titles.into_iter().map(Article::new).collect());
        let keys: Vec<String> = store.ids().map(|id| store.key(id)).collect();
        assert_eq!(keys[1], "article-3");
        for (n, key) in keys.iter().enumerate() {
            if n != 1 {
                assert!(key.starts_with("article-") && key.len() == "article-".len() + 8);
            }
            assert_eq!(store.find_key(key), Some(ArticleId(n as u32)), "{key}");
        }
        // Load order changes no key.
        let (reversed, _) = Store::from_pages(titles.into_iter().rev().map(Article::new).collect());
        let mut again: Vec<String> = reversed.ids().map(|id| reversed.key(id)).collect();
        again.reverse();
        assert_eq!(again, keys);
    }
}
