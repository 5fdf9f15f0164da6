//! The rules together, once each reads well on its own: some valid design exists, the default design keeps
//! every rule, and every offered option is part of some valid design; a problem names the smallest set of
//! rules responsible.

use super::super::model::Rule;
use super::super::problem::CatalogProblemKind as K;
use super::super::validate::Checker;
use crate::rules::availability::evaluate;
use crate::rules::explain::quickxplain;
use crate::rules::solver::Solver;
use crate::rules::space::{Domain, Space};

/// The rules together: some valid design exists, the default design keeps every rule (when `defaults` is
/// asked for: a catalog with a group the shopper must choose has no default design), and every offered
/// option is part of some valid design. Returns a valid design nearest the defaults, if there is one.
pub(in crate::catalog) fn check_together(
    c: &mut Checker,
    space: &Space,
    rules: &[Rule],
    defaults: bool,
) -> Option<Vec<u8>> {
    let rule_count = rules.len();
    let mut solver = Solver::new(space);
    let initial = space.initial();
    let none = vec![0; initial.len()];
    let names = |set: &[usize]| -> String {
        set.iter()
            .map(|&r| format!("\"{}\"", rules[r].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let culprits = |d: &[Domain]| -> Vec<usize> {
        let all: Vec<usize> = (0..rule_count).collect();
        let mut set = quickxplain(&[], &all, &mut |set: &[usize]| {
            let mut on = vec![false; rule_count];
            for &r in set {
                on[r] = true;
            }
            Solver::with_rules(space, Some(&on)).satisfiable(d)
        });
        set.sort_unstable();
        set
    };
    let prefer: Vec<Domain> = space.defaults.iter().map(|&v| 1 << v).collect();
    let start = solver.solve(&initial, &prefer);
    let Some(some_design) = solver.solve(&initial, &none) else {
        let set = culprits(&initial);
        let at = set
            .first()
            .map_or("rules".to_owned(), |&r| rules[r].path.clone());
        c.push(at, K::NoValidDesign { rules: names(&set) });
        return None;
    };
    let mut broken: Vec<usize> = if defaults {
        space.broken(&space.defaults).map(|k| k.rule()).collect()
    } else {
        Vec::new()
    };
    broken.dedup();
    for r in &broken {
        c.push(
            rules[*r].path.clone(),
            K::DefaultBreaksRule {
                rule: rules[*r].id.0.clone(),
            },
        );
    }
    let explicit = vec![false; initial.len()];
    let available = evaluate(space, &explicit, &some_design);
    for (g, group) in space.groups.iter().enumerate() {
        let mut missing = group.domain & !available.available[g];
        while missing != 0 {
            let bit = missing.trailing_zeros() as usize;
            missing &= missing - 1;
            let mut d = initial.clone();
            d[g] = 1 << bit;
            let set = culprits(&d);
            let at = set
                .first()
                .map_or("rules".to_owned(), |&r| rules[r].path.clone());
            c.push(
                at,
                K::UnreachableOption {
                    group: group.key.as_key(),
                    option: group.options[bit].clone(),
                    rules: names(&set),
                },
            );
        }
    }
    start
}
