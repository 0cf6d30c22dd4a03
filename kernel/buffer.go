package kernel

import "sync"

// Pools of packing buffers, one per element type, so that repeated GEMM
// calls (a training loop) do not allocate.
var (
	pool32 sync.Pool
	pool64 sync.Pool
)

// getBuffer returns a buffer of length n from the pool for T.
func getBuffer[T Float](n int) *[]T {
	pool := poolFor[T]()
	if v, ok := pool.Get().(*[]T); ok && cap(*v) >= n {
		*v = (*v)[:n]
		return v
	}
	buf := make([]T, n)
	return &buf
}

// putBuffer returns buf to the pool for T.
func putBuffer[T Float](buf *[]T) { poolFor[T]().Put(buf) }

func poolFor[T Float]() *sync.Pool {
	var zero T
	if _, ok := any(zero).(float32); ok {
		return &pool32
	}
	return &pool64
}
