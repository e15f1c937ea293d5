package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// maxLineBytes bounds one line of input. The engine refuses questions far
// shorter than this; the bound only keeps a line with no newline (a binary
// file piped in by mistake) from filling memory. Longer lines are cut here
// and still answered, as a refusal, so output stays one reply per line.
const maxLineBytes = 64 << 10

// readLine reads one line without its "\n" or "\r\n", cut to maxLineBytes.
// It returns io.EOF only when there is no line left.
func readLine(r *bufio.Reader) (string, error) {
	var line []byte
	for {
		chunk, isPrefix, err := r.ReadLine()
		if err != nil {
			if errors.Is(err, io.EOF) && line != nil {
				return string(line), nil
			}
			return "", err
		}
		if room := maxLineBytes - len(line); room > 0 {
			line = append(line, chunk[:min(room, len(chunk))]...)
		}
		if line == nil {
			line = []byte{}
		}
		if !isPrefix {
			return string(line), nil
		}
	}
}

// A lineResult is one line of input, or the error that ended the input.
type lineResult struct {
	line string
	err  error
}

// lines reads r line by line in its own goroutine, so that a caller blocked
// on a quiet pipe still returns when ctx is cancelled. The goroutine ends
// at the end of input, on a read error or when ctx is done. A UTF-8 byte
// order mark at the start is dropped.
func lines(ctx context.Context, r io.Reader) <-chan lineResult {
	out := make(chan lineResult)
	go func() {
		defer close(out)
		br := bufio.NewReaderSize(r, 64<<10)
		first := true
		for {
			line, err := readLine(br)
			if first {
				line = string(bytes.TrimPrefix([]byte(line), []byte("\ufeff")))
				first = false
			}
			res := lineResult{line: line, err: err}
			select {
			case out <- res:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out
}

// eachLine calls fn for every line of r until the input ends, fn returns
// false or an error, or ctx is cancelled.
func eachLine(ctx context.Context, r io.Reader, fn func(line string) (bool, error)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := lines(ctx, r)
	for {
		select {
		case <-ctx.Done():
			return errInterrupted
		case res, ok := <-in:
			if !ok {
				return errInterrupted
			}
			if errors.Is(res.err, io.EOF) {
				return nil
			}
			if res.err != nil {
				return fmt.Errorf("read input: %w", res.err)
			}
			more, err := fn(res.line)
			if err != nil || !more {
				return err
			}
		}
	}
}
