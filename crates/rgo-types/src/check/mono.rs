//! Instantiation cycles (types2's "monomorphization" check): a generic
//! function or type that, through a chain of instantiations, instantiates
//! itself with ever larger type arguments (`f[T]` calling `f[[]T]`) has no
//! finite set of instances and is refused.
//!
//! Model: every type parameter of the package is a vertex; an instantiation
//! `g[A]` inside code parameterized by `P` adds an edge P → g's parameter,
//! of weight 0 when A is P itself and 1 when A merely contains P. A cycle
//! of positive total weight is an instantiation cycle. Receiver type
//! parameters of methods stand for their base type's parameters.

use super::*;

/// One flow of a type parameter into another's type argument.
#[derive(Clone, Debug)]
pub(crate) struct MonoEdge {
    pub src: TypeId,
    pub dst: TypeId,
    pub weight: u32,
    pub file: u32,
    pub pos: Pos,
    /// The type argument (for the report).
    pub targ: TypeId,
}

impl Checker<'_, '_> {
    /// Records the instantiation of `tparams` with `targs` (argument `i`
    /// written at `pos[i]`, else at `fallback`).
    pub(crate) fn mono_record(
        &mut self,
        tparams: &[TypeId],
        targs: &[TypeId],
        pos: &[Pos],
        fallback: Pos,
    ) {
        for (i, (&dst, &targ)) in tparams.iter().zip(targs).enumerate() {
            let at = pos.get(i).copied().unwrap_or(fallback);
            let dst = self.mono_canon(dst);
            let mut found = Vec::new();
            self.type_params_in(targ, &mut found, 0);
            for src in found {
                let weight = u32::from(self.w.types.unalias(targ) != src);
                let src = self.mono_canon(src);
                self.mono_edges.push(MonoEdge {
                    src,
                    dst,
                    weight,
                    file: self.file,
                    pos: at,
                    targ,
                });
            }
        }
    }

    fn mono_canon(&self, t: TypeId) -> TypeId {
        self.mono_canon.get(&t).copied().unwrap_or(t)
    }

    /// The type parameters occurring in `t`.
    fn type_params_in(&self, t: TypeId, out: &mut Vec<TypeId>, d: u32) {
        if d > 32 {
            return;
        }
        let d = d + 1;
        let t = self.w.types.unalias(t);
        match self.w.types.get(t) {
            Type::TypeParam(_) if !out.contains(&t) => {
                out.push(t);
            }
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                self.type_params_in(*e, out, d)
            }
            Type::Map(k, v) => {
                self.type_params_in(*k, out, d);
                self.type_params_in(*v, out, d);
            }
            Type::Named(n) => {
                for a in n.targs.clone() {
                    self.type_params_in(a, out, d);
                }
            }
            Type::Struct(s) => {
                for f in &s.fields {
                    self.type_params_in(self.w.obj(*f).typ, out, d);
                }
            }
            Type::Signature(s) => {
                for v in s.params.iter().chain(&s.results) {
                    self.type_params_in(self.w.obj(*v).typ, out, d);
                }
            }
            Type::Tuple(vs) => {
                for v in vs {
                    self.type_params_in(self.w.obj(*v).typ, out, d);
                }
            }
            _ => {}
        }
    }

    /// Finds a positive-weight cycle: longest paths are relaxed until a
    /// fixed point, and a path as long as there are vertices must repeat
    /// one (types2's variant of Bellman-Ford; the first found is reported).
    pub(crate) fn monomorph(&mut self) {
        let edges = std::mem::take(&mut self.mono_edges);
        if edges.is_empty() {
            return;
        }
        // Vertices in order of appearance (destination first, as recorded).
        let mut verts: Vec<TypeId> = Vec::new();
        for e in &edges {
            for t in [e.dst, e.src] {
                if !verts.contains(&t) {
                    verts.push(t);
                }
            }
        }
        let index: HashMap<TypeId, usize> =
            verts.iter().enumerate().map(|(i, t)| (*t, i)).collect();
        let n = verts.len();
        let mut weight = vec![0u64; n];
        let mut len = vec![0usize; n];
        let mut pre: Vec<Option<usize>> = vec![None; n];
        let mut again = true;
        while again {
            again = false;
            for (k, e) in edges.iter().enumerate() {
                let (s, d) = (index[&e.src], index[&e.dst]);
                let w = weight[s] + u64::from(e.weight);
                if w <= weight[d] {
                    continue;
                }
                pre[d] = Some(k);
                len[d] = len[s] + 1;
                if len[d] == n {
                    self.report_mono_cycle(&edges, &index, &pre, d);
                    return;
                }
                weight[d] = w;
                again = true;
            }
        }
    }

    fn report_mono_cycle(
        &mut self,
        edges: &[MonoEdge],
        index: &HashMap<TypeId, usize>,
        pre: &[Option<usize>],
        mut v: usize,
    ) {
        let verts: Vec<TypeId> = {
            let mut vs = vec![TypeId::INVALID; index.len()];
            for (t, i) in index {
                vs[*i] = *t;
            }
            vs
        };
        let idx = |t: TypeId| index.get(&t).copied().unwrap_or(0);
        // Walk back until a vertex repeats: it lies on the cycle.
        let mut stack: Vec<usize> = Vec::new();
        let mut seen = vec![false; verts.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            let Some(k) = pre[v] else { return };
            v = idx(edges[k].src);
        }
        while stack.first().is_some_and(|s| *s != v) {
            stack.remove(0);
        }
        let obj_of = |c: &Self, t: TypeId| match c.w.types.get(t) {
            Type::TypeParam(p) => Some(p.obj),
            _ => None,
        };
        let Some(o0) = obj_of(self, verts[v]) else {
            return;
        };
        let mut msg = String::from("instantiation cycle:");
        for &s in &stack {
            let Some(k) = pre[s] else { continue };
            let e = &edges[k];
            let name = obj_of(self, e.dst)
                .map(|o| self.w.obj(o).name.to_string())
                .unwrap_or_default();
            let at = self
                .sources
                .get(e.file as usize)
                .map(|src| src.message_position(e.pos))
                .unwrap_or_default();
            msg.push_str(&format!(
                "\n\t{}: {} instantiated as {}",
                at,
                name,
                self.tstr(e.targ)
            ));
        }
        self.error_at_obj(o0, msg);
    }
}
