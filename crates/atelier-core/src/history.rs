//! Undo and redo: a bounded history of earlier states and a stack of undone ones, generic over what is kept
//! (the app keeps [`Selection`](crate::rules::Selection)s).
//!
//! It owns only the bookkeeping (what goes where, what is dropped when the history is full); what a step
//! means — which parts of the state travel with it and which stay — is the caller's. Plain data with
//! `serde`, so a caller may persist it as it stands.

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Earlier states, oldest first, at most `limit` of them, and undone states, the next redo last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History<T> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    limit: usize,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new(History::<T>::LIMIT)
    }
}

impl<T> History<T> {
    /// The most undo steps kept by default: enough for a long session of choices, small enough that a
    /// stored history stays a few hundred kilobytes at most.
    pub const LIMIT: usize = 100;

    /// An empty history that keeps at most `limit` undo steps (at least one).
    pub fn new(limit: usize) -> History<T> {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records `before`, the state a change has just replaced: one undo step, and a new branch of history
    /// (the undone states can no longer be redone). The oldest step goes when the history is full.
    pub fn record(&mut self, before: T) {
        self.push_undo(before);
        self.redo.clear();
    }

    /// Steps back from `current`: the latest earlier state comes out and `current` becomes the next redo.
    /// With nothing to undo, `current` is handed back as `Err`.
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        match self.undo.pop_back() {
            Some(previous) => {
                self.redo.push(current);
                Ok(previous)
            }
            None => Err(current),
        }
    }

    /// Steps forward from `current`: the last undone state comes out and `current` becomes an undo step
    /// again. With nothing to redo, `current` is handed back as `Err`.
    pub fn redo(&mut self, current: T) -> Result<T, T> {
        match self.redo.pop() {
            Some(next) => {
                self.push_undo(current);
                Ok(next)
            }
            None => Err(current),
        }
    }

    /// Forgets every step.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The same history with every state mapped by `f`, oldest first (to store it in another form, or to
    /// bring stored states up to date).
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> History<U> {
        History {
            undo: self.undo.iter().map(&mut f).collect(),
            redo: self.redo.iter().map(&mut f).collect(),
            limit: self.limit,
        }
    }

    fn push_undo(&mut self, state: T) {
        if self.undo.len() == self.limit {
            self.undo.pop_front();
        }
        self.undo.push_back(state);
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    /// Runs `ops` from state 0 on a history of `limit` steps: a number is a change to that state, `u` an
    /// undo, `r` a redo. Returns the current state and the undo/redo depths.
    fn run(limit: usize, ops: &str) -> (u32, usize, usize) {
        let mut history = History::new(limit);
        let mut current = 0u32;
        for op in ops.split_whitespace() {
            current = match op {
                "u" => history.undo(current).unwrap_or_else(|c| c),
                "r" => history.redo(current).unwrap_or_else(|c| c),
                n => {
                    history.record(current);
                    n.parse().expect("a state number")
                }
            };
        }
        (current, history.undo_len(), history.redo_len())
    }

    #[test]
    fn steps() {
        let check = |limit, ops, want| assert_eq!(run(limit, ops), want, "{limit}: {ops}");
        check(100, "", (0, 0, 0));
        check(100, "u", (0, 0, 0));
        check(100, "r", (0, 0, 0));
        check(100, "1 2 3", (3, 3, 0));
        check(100, "1 2 3 u", (2, 2, 1));
        check(100, "1 2 3 u u u", (0, 0, 3));
        check(100, "1 2 3 u u u u", (0, 0, 3));
        check(100, "1 2 3 u u r", (2, 2, 1));
        check(100, "1 2 3 u u r r r", (3, 3, 0));
        // A change after undoing starts a new branch: what was undone is gone.
        check(100, "1 2 3 u u 7", (7, 2, 0));
        check(100, "1 2 3 u u 7 r", (7, 2, 0));
        // Full: the oldest step goes, on a change and on a redo alike.
        check(2, "1 2 3", (3, 2, 0));
        check(2, "1 2 3 u u u", (1, 0, 2));
        check(2, "1 2 3 u u r r", (3, 2, 0));
        check(0, "1 2", (2, 1, 0));
    }

    #[test]
    fn the_oldest_step_is_the_one_dropped() {
        let mut history = History::new(2);
        for (before, _) in [(0, 1), (1, 2), (2, 3)] {
            history.record(before);
        }
        let mut seen = Vec::new();
        let mut current = 3;
        while let Ok(previous) = history.undo(current) {
            seen.push(previous);
            current = previous;
        }
        assert_eq!(seen, vec![2, 1]);
    }

    #[test]
    fn mapping_keeps_every_step_in_order() {
        let mut history = History::new(3);
        for before in [1, 2, 3, 4] {
            history.record(before);
        }
        let _ = history.undo(5);
        let mut doubled = history.map(|n| n * 2);
        assert_eq!((doubled.undo_len(), doubled.redo_len()), (2, 1));
        assert_eq!(doubled.undo(0), Ok(6));
        assert_eq!(doubled.redo(6), Ok(0));
        assert_eq!(doubled.redo(0), Ok(10));
    }

    #[test]
    fn survives_a_round_trip_through_json() {
        let mut history = History::new(5);
        history.record("a".to_owned());
        history.record("b".to_owned());
        let _ = history.undo("c".to_owned());
        let json = serde_json::to_string(&history).expect("serializes");
        let back: History<String> = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, history);
    }
}
