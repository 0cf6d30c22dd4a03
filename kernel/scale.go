package kernel

// scaleC sets C = beta·C on the m×n matrix c. When beta is 0 it writes
// zeros without reading C, so NaN or garbage in C does not propagate.
func scaleC[T Float](m, n int, beta T, c []T, ldc int) {
	if beta == 1 {
		return
	}
	if beta == 0 && ldc == n {
		clear(c[:m*n]) // contiguous C: one call instead of one per row
		return
	}
	for i := 0; i < m; i++ {
		row := c[i*ldc:][:n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}
