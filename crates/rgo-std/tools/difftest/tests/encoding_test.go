package tests

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"io"
	"math/rand"
	"strings"
	"testing"

	xb64 "difftest/x/encoding/base64"
	xhex "difftest/x/encoding/hex"
	xio "difftest/x/io"
)

func TestHex(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	for i := 0; i < 500; i++ {
		b := make([]byte, r.Intn(70))
		r.Read(b)
		same(t, "EncodeToString", xhex.EncodeToString(b), hex.EncodeToString(b))
		same(t, "Dump", xhex.Dump(b), hex.Dump(b))
		same(t, "AppendEncode", xhex.AppendEncode([]byte("x"), b), hex.AppendEncode([]byte("x"), b))
		s := hex.EncodeToString(b)
		for _, in := range []string{s, s + "0", strings.ToUpper(s), s + "g0", "zz" + s, s[:len(s)/2*2] + "x"} {
			d1, e1 := xhex.DecodeString(in)
			d2, e2 := hex.DecodeString(in)
			same(t, "DecodeString "+in, []any{d1, errStr(e1)}, []any{d2, errStr(e2)})
			a1, f1 := xhex.AppendDecode([]byte("p"), []byte(in))
			a2, f2 := hex.AppendDecode([]byte("p"), []byte(in))
			same(t, "AppendDecode "+in, []any{a1, errStr(f1)}, []any{a2, errStr(f2)})
			g1, h1 := xio.ReadAll(xhex.NewDecoder(xrd{newChunkReader(in, int64(i), io.EOF)}))
			g2, h2 := io.ReadAll(hex.NewDecoder(newChunkReader(in, int64(i), io.EOF)))
			same(t, "NewDecoder "+in, []any{g1, errStr(h1)}, []any{g2, errStr(h2)})
		}
		var w1, w2 bytes.Buffer
		d1, d2 := xhex.Dumper(&w1), hex.Dumper(&w2)
		for k := 0; k < len(b); k += 5 {
			d1.Write(b[k:min(k+5, len(b))])
			d2.Write(b[k:min(k+5, len(b))])
		}
		d1.Close()
		d2.Close()
		same(t, "Dumper", w1.String(), w2.String())
		var e1, e2 bytes.Buffer
		xhex.NewEncoder(&e1).Write(b)
		hex.NewEncoder(&e2).Write(b)
		same(t, "NewEncoder", e1.String(), e2.String())
	}
}

func TestBase64(t *testing.T) {
	type pair struct {
		x *xb64.Encoding
		g *base64.Encoding
	}
	encs := []pair{{xb64.StdEncoding, base64.StdEncoding}, {xb64.URLEncoding, base64.URLEncoding},
		{xb64.RawStdEncoding, base64.RawStdEncoding}, {xb64.RawURLEncoding, base64.RawURLEncoding},
		{xb64.StdEncoding.Strict(), base64.StdEncoding.Strict()}, {xb64.StdEncoding.WithPadding('*'), base64.StdEncoding.WithPadding('*')}}
	r := rand.New(rand.NewSource(14))
	for i := 0; i < 400; i++ {
		b := make([]byte, r.Intn(40))
		r.Read(b)
		for k, e := range encs {
			s := e.g.EncodeToString(b)
			same(t, "Encode", e.x.EncodeToString(b), s)
			same(t, "Len", []int{e.x.EncodedLen(len(b)), e.x.DecodedLen(len(s))}, []int{e.g.EncodedLen(len(b)), e.g.DecodedLen(len(s))})
			inputs := []string{s, s + "\n", "\r\n" + s[:len(s)/2] + "\n" + s[len(s)/2:], s + "=", s + "==", s + "A", s + "AB", s + "A=", s + "AB==",
				s + "AB=\n=", s + "AB=x", s + "!", "=" + s, s + "AAAA\n\n", s + "AB=\n", s + "ABC=", s + "AC==", s + "AAB="}
			for _, in := range inputs {
				d1, e1 := e.x.DecodeString(in)
				d2, e2 := e.g.DecodeString(in)
				same(t, "DecodeString", []any{k, in, d1, errStr(e1)}, []any{k, in, d2, errStr(e2)})
				a1, f1 := e.x.AppendDecode([]byte("p"), []byte(in))
				a2, f2 := e.g.AppendDecode([]byte("p"), []byte(in))
				same(t, "AppendDecode", []any{k, in, a1, errStr(f1)}, []any{k, in, a2, errStr(f2)})
				g1, h1 := xio.ReadAll(xb64.NewDecoder(e.x, xrd{newChunkReader(in, int64(i), io.EOF)}))
				g2, h2 := io.ReadAll(base64.NewDecoder(e.g, newChunkReader(in, int64(i), io.EOF)))
				same(t, "NewDecoder", []any{k, in, g1, errStr(h1)}, []any{k, in, g2, errStr(h2)})
			}
			var w1, w2 bytes.Buffer
			c1, c2 := xb64.NewEncoder(e.x, &w1), base64.NewEncoder(e.g, &w2)
			for j := 0; j < len(b); j += 4 {
				c1.Write(b[j:min(j+4, len(b))])
				c2.Write(b[j:min(j+4, len(b))])
			}
			c1.Close()
			c2.Close()
			same(t, "NewEncoder", w1.String(), w2.String())
		}
	}
	samePanic(t, "NewEncoding short", func() any { return xb64.NewEncoding("abc") }, func() any { return base64.NewEncoding("abc") })
	samePanic(t, "WithPadding bad", func() any { return xb64.StdEncoding.WithPadding('A') }, func() any { return base64.StdEncoding.WithPadding('A') })
}
