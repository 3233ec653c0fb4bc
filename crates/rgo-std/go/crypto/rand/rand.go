// Package rand provides cryptographically secure random bytes from the
// operating system (getrandom(2) on Linux). rgo: Int and Prime, which need
// math/big, are not provided yet.
package rand

import "io"

// getRandom fills b from the kernel; it returns an errno. Native.
func getRandom(b []byte) (errno int)

type kernelReader struct{}

// Reader is the global, shared source of cryptographically secure random
// bytes. Its Read never fails on Linux: on an error from the kernel the
// program crashes, as Go's does.
var Reader io.Reader = &kernelReader{}

func (r *kernelReader) Read(b []byte) (n int, err error) {
	if errno := getRandom(b); errno != 0 {
		panic("crypto/rand: failed to read random data (see https://go.dev/issue/66821): getrandom errno " + itoa(errno))
	}
	return len(b), nil
}

func itoa(v int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// Read fills b with cryptographically secure random bytes and returns
// len(b), nil. It never returns an error.
func Read(b []byte) (n int, err error) {
	if _, isOurs := Reader.(*kernelReader); isOurs {
		return Reader.Read(b)
	}
	if _, err := io.ReadFull(Reader, b); err != nil {
		panic("crypto/rand: failed to read random data (see https://go.dev/issue/66821): " + err.Error())
	}
	return len(b), nil
}

// Text returns a cryptographically random string of 26 characters of the
// standard base32 alphabet: 128 bits of randomness and more.
func Text() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := make([]byte, 26)
	Read(b)
	for i, c := range b {
		b[i] = alphabet[c%32]
	}
	return string(b)
}
