//! Package initialization order (spec "Package initialization"): variables
//! are initialized in declaration order, each once its dependencies
//! (through functions, transitively) are; a dependency cycle is reported as
//! `initialization cycle for x` with the `x refers to y` chain.
//!
//! As types2: functions are removed from the dependency graph by linking
//! their callers to their callees; then nodes are taken from a priority
//! queue ordered by (number of dependencies, declaration order).

use super::*;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashSet};

impl<'a, 'w> Checker<'a, 'w> {
    pub(super) fn init_order(&mut self) {
        let order: HashMap<ObjId, usize> = self
            .pkg_objs
            .iter()
            .enumerate()
            .map(|(i, o)| (*o, i))
            .collect();
        let is_func = |c: &Self, o: ObjId| matches!(c.w.obj(o).kind, ObjKind::Func(_));
        // Dependencies of each const/var after eliminating functions.
        let nodes: Vec<ObjId> = self
            .pkg_objs
            .iter()
            .copied()
            .filter(|o| !is_func(self, *o) && !matches!(self.w.obj(*o).kind, ObjKind::TypeName))
            .collect();
        let mut succ: HashMap<ObjId, BTreeSet<ObjId>> = HashMap::new();
        for &n in &nodes {
            let mut out = BTreeSet::new();
            let mut seen = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&n).cloned().unwrap_or_default();
            while let Some(d) = stack.pop() {
                if !seen.insert(d) {
                    continue;
                }
                if is_func(self, d) {
                    stack.extend(self.deps.get(&d).cloned().unwrap_or_default());
                } else if order.contains_key(&d) {
                    out.insert(d);
                }
            }
            succ.insert(n, out);
        }
        let mut ndeps: HashMap<ObjId, usize> = succ.iter().map(|(k, v)| (*k, v.len())).collect();
        let mut preds: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
        for (k, v) in &succ {
            for d in v {
                preds.entry(*d).or_default().push(*k);
            }
        }
        let mut heap: BinaryHeap<Reverse<(usize, usize, u32)>> = nodes
            .iter()
            .map(|n| Reverse((ndeps[n], order[n], n.0)))
            .collect();
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted: HashSet<ObjId> = HashSet::new();
        while let Some(Reverse((nd, _, id))) = heap.pop() {
            let n = ObjId(id);
            if done.contains(&n) || nd != ndeps[&n] {
                continue;
            }
            done.insert(n);
            // Still waiting for others: a dependency cycle (types2 reports
            // it for each such node taken from the queue).
            if nd > 0 {
                if let Some(cycle) = self.find_cycle(n) {
                    self.report_init_cycle(&cycle);
                }
            }
            for p in preds.get(&n).cloned().unwrap_or_default() {
                if let Some(c) = ndeps.get_mut(&p) {
                    *c = c.saturating_sub(1);
                    if !done.contains(&p) {
                        heap.push(Reverse((*c, order[&p], p.0)));
                    }
                }
            }
            self.emit_initializer(n, &mut emitted);
        }
    }

    fn emit_initializer(&mut self, n: ObjId, emitted: &mut HashSet<ObjId>) {
        let Some(DeclInfo::Var {
            file,
            init: Some(init),
            lhs,
            ..
        }) = self.decls.get(&n).copied()
        else {
            return;
        };
        if emitted.contains(&n) {
            return;
        }
        let pkg_scope = self.w.pkg(self.pkg).scope;
        let vars: Vec<ObjId> = match lhs {
            Some(names) => names
                .iter()
                .filter_map(|nm| {
                    if nm.name == "_" {
                        // Blank variables still need their own object: find by position.
                        self.pkg_objs
                            .iter()
                            .copied()
                            .find(|o| self.w.obj(*o).pos == nm.pos && self.w.obj(*o).file == file)
                    } else {
                        self.w
                            .lookup_local(pkg_scope, &nm.name)
                            .filter(|o| self.w.obj(*o).pos == nm.pos)
                    }
                })
                .collect(),
            None => vec![n],
        };
        for v in &vars {
            emitted.insert(*v);
        }
        self.info.init_order.push(Initializer {
            lhs: vars,
            file,
            rhs: init.id,
        });
    }

    /// A dependency cycle through `start` (vars, consts and funcs), if any.
    fn find_cycle(&self, start: ObjId) -> Option<Vec<ObjId>> {
        let mut path = vec![start];
        let mut seen = HashSet::new();
        if self.dfs(start, start, &mut path, &mut seen) {
            path.pop();
            return Some(path);
        }
        None
    }

    fn dfs(
        &self,
        start: ObjId,
        n: ObjId,
        path: &mut Vec<ObjId>,
        seen: &mut HashSet<ObjId>,
    ) -> bool {
        for &d in self.deps.get(&n).map(|v| v.as_slice()).unwrap_or(&[]) {
            if d == start {
                path.push(d);
                return true;
            }
            if seen.insert(d) {
                path.push(d);
                if self.dfs(start, d, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }

    fn report_init_cycle(&mut self, cycle: &[ObjId]) {
        // Only cycles that involve a variable or constant matter (pure
        // function recursion is fine).
        if cycle
            .iter()
            .all(|o| matches!(self.w.obj(*o).kind, ObjKind::Func(_)))
        {
            return;
        }
        let first = cycle[0];
        let name = self.w.obj(first).name.clone();
        let mut msg = format!("initialization cycle for {}", name);
        if cycle.len() == 1 {
            msg = format!("initialization cycle: {} refers to itself", name);
        } else {
            msg.push_str(&self.obj_chain(cycle));
        }
        self.error_at_obj(first, msg);
    }
}
