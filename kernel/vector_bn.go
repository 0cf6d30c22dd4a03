package kernel

// badLd is the panic message of a leading dimension smaller than a row for
// the routines whose matrices share one.
const badLd = "kernel: bad leading dimension"

// ColDots sets dots[j] to the dot product of column j of the m×n
// row-major matrices a and b (leading dimension ld ≥ n), for j < n: the
// products a[i*ld+j]·b[i*ld+j] are rounded, then added in row order to a
// sum that starts at +0, on every path — with dout and the normalised
// input, BatchNorm's γ gradient. dots must not overlap a or b.
func (v Vec[T]) ColDots(m, n int, a, b []T, ld int, dots []T) {
	checkShape(m, n, ld, badLd, []lenCheck{{len(a), shortA}, {len(b), shortB}}, []lenCheck{{len(dots), short("dots")}})
	switch {
	case n == 0:
	case m == 0:
		clear(dots[:n])
	default:
		v.table().colDots(dots[:n:n], a, b, ld, m)
	}
}

// BatchNormCenter is the first pass of a batch normalisation over the m×n
// row-major matrix x (leading dimension ld ≥ n, shared by xc): it sets
// xc[i*ld+j] = x[i*ld+j] − mu[j] and ss[j] = Σ_i xc[i*ld+j]² for j < n,
// the squares rounded and added in row order from +0 (ss/m is the biased
// variance when mu is the column mean). xc must not overlap x, mu or ss.
func (v Vec[T]) BatchNormCenter(m, n int, x []T, ld int, mu, xc, ss []T) {
	checkShape(m, n, ld, badLd, []lenCheck{{len(x), short("x")}, {len(xc), short("xc")}},
		[]lenCheck{{len(mu), short("mu")}, {len(ss), short("ss")}})
	switch {
	case n == 0:
	case m == 0:
		clear(ss[:n])
	default:
		v.table().bnCenter(xc, x, ld, m, mu[:n:n], ss[:n:n])
	}
}

// BatchNormScale is the second pass: with s = 1/√(σ²+ε) per column it
// normalises xc in place, xc[i*ld+j] *= s[j], and sets
// out[i*ld+j] = gamma[j]·xc[i*ld+j] + beta[j] (product rounded, then the
// sum), for the m×n matrices xc and out (leading dimension ld ≥ n). out
// must not overlap xc or the vectors.
func (v Vec[T]) BatchNormScale(m, n int, xc []T, ld int, s, gamma, beta, out []T) {
	checkShape(m, n, ld, badLd, []lenCheck{{len(xc), short("xc")}, {len(out), short("out")}},
		[]lenCheck{{len(s), short("s")}, {len(gamma), short("gamma")}, {len(beta), short("beta")}})
	if m > 0 && n > 0 {
		v.table().bnScale(xc, out, ld, m, s[:n:n], gamma[:n:n], beta[:n:n])
	}
}

// BatchNormGrad is batch normalisation's input gradient in compact form:
// dx[i*ld+j] = s[j]·((fn·dout[i*ld+j] − p[j]) − xn[i*ld+j]·q[j]) for the
// m×n matrices dout, xn and dx (leading dimension ld ≥ n), each product
// and difference rounded in that order — with fn = m, s = γ/(m·std),
// p = Σ dout and q = Σ xn·dout per column. dx must not overlap the others.
func (v Vec[T]) BatchNormGrad(m, n int, fn T, dout, xn []T, ld int, s, p, q, dx []T) {
	checkShape(m, n, ld, badLd, []lenCheck{{len(dout), short("dout")}, {len(xn), short("xn")}, {len(dx), short("dx")}},
		[]lenCheck{{len(s), short("s")}, {len(p), short("p")}, {len(q), short("q")}})
	if m > 0 && n > 0 {
		v.table().bnGrad(dx, dout, xn, ld, m, fn, s[:n:n], p[:n:n], q[:n:n])
	}
}

// ColDots sets dots[j] = Σ_i a[i*ld+j]·b[i*ld+j] on the active
// implementation; see Vec.ColDots.
func ColDots[T Float](m, n int, a, b []T, ld int, dots []T) { Vec[T]{}.ColDots(m, n, a, b, ld, dots) }

// BatchNormCenter sets xc = x − mu and ss = Σ_rows xc² on the active
// implementation; see Vec.BatchNormCenter.
func BatchNormCenter[T Float](m, n int, x []T, ld int, mu, xc, ss []T) {
	Vec[T]{}.BatchNormCenter(m, n, x, ld, mu, xc, ss)
}

// BatchNormScale sets xc *= s and out = gamma·xc + beta on the active
// implementation; see Vec.BatchNormScale.
func BatchNormScale[T Float](m, n int, xc []T, ld int, s, gamma, beta, out []T) {
	Vec[T]{}.BatchNormScale(m, n, xc, ld, s, gamma, beta, out)
}

// BatchNormGrad sets dx = s·((fn·dout − p) − xn·q) on the active
// implementation; see Vec.BatchNormGrad.
func BatchNormGrad[T Float](m, n int, fn T, dout, xn []T, ld int, s, p, q, dx []T) {
	Vec[T]{}.BatchNormGrad(m, n, fn, dout, xn, ld, s, p, q, dx)
}
