package io

// eofReader stands in for a reader of a MultiReader that reached EOF, so
// the finished reader can be garbage collected.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, EOF }

// multiReader reads its readers one after the other.
type multiReader struct {
	readers []Reader
}

func (c *multiReader) Read(p []byte) (n int, err error) {
	for len(c.readers) != 0 {
		// A chain whose last reader is itself a chain adopts that chain's
		// readers, so nested MultiReaders do not recurse.
		if inner, ok := c.readers[0].(*multiReader); ok && len(c.readers) == 1 {
			c.readers = inner.readers
			continue
		}
		n, err = c.readers[0].Read(p)
		if err != EOF {
			return n, err
		}
		c.readers[0] = eofReader{}
		c.readers = c.readers[1:]
		if n != 0 {
			if len(c.readers) != 0 {
				err = nil // more data follows
			}
			return n, err
		}
	}
	return 0, EOF
}

// MultiReader returns a Reader yielding the data of readers in turn; it
// reports EOF after the last one does. Errors other than EOF stop it.
func MultiReader(readers ...Reader) Reader {
	return &multiReader{readers: append(make([]Reader, 0, len(readers)), readers...)}
}

// multiWriter writes everything to all its writers.
type multiWriter struct {
	writers []Writer
}

// settle checks one writer's result: its error, or ErrShortWrite when it
// took fewer than want bytes.
func settle(n, want int, err error) error {
	if err == nil && n != want {
		err = ErrShortWrite
	}
	return err
}

func (t *multiWriter) Write(p []byte) (n int, err error) {
	for _, dst := range t.writers {
		n, err = dst.Write(p)
		if err = settle(n, len(p), err); err != nil {
			return n, err
		}
	}
	return len(p), nil
}

func (t *multiWriter) WriteString(s string) (n int, err error) {
	var asBytes []byte // made at most once, for writers without WriteString
	for _, dst := range t.writers {
		if sw, ok := dst.(StringWriter); ok {
			n, err = sw.WriteString(s)
		} else {
			if asBytes == nil {
				asBytes = []byte(s)
			}
			n, err = dst.Write(asBytes)
		}
		if err = settle(n, len(s), err); err != nil {
			return n, err
		}
	}
	return len(s), nil
}

// MultiWriter returns a Writer that writes each buffer to every one of
// writers in order, stopping at the first that fails or writes short.
// Writers that are themselves MultiWriters are flattened.
func MultiWriter(writers ...Writer) Writer {
	flat := make([]Writer, 0, len(writers))
	for _, each := range writers {
		if inner, ok := each.(*multiWriter); ok {
			flat = append(flat, inner.writers...)
			continue
		}
		flat = append(flat, each)
	}
	return &multiWriter{writers: flat}
}
