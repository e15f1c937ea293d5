package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/qabot/qabot/cli"
)

// openPTY opens a pseudo-terminal pair with Linux's /dev/ptmx: the chat
// runs on the terminal side, the test types and reads on the other.
func openPTY(t *testing.T) (ptm, tty *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open /dev/ptmx: %v", err)
	}
	t.Cleanup(func() { ptm.Close() })
	unlock := int32(0)
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlock pty: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("pty number: %v", e)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return ptm, tty
}

// screen collects what the chat writes to the terminal.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the screen shows want after position from, and
// returns where it ends.
func (s *screen) waitFor(t *testing.T, want string, from int) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := s.String()
		if i := strings.Index(out[min(from, len(out)):], want); i >= 0 {
			return from + i + len(want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the terminal never showed %q; it shows:\n%q", want, s.String())
	return 0
}

// TestTerminalChat types into the interactive chat through a
// pseudo-terminal: a question is answered, and Ctrl-C (with a half-typed
// line) or Ctrl-D (on an empty one) says goodbye and ends the chat without
// writing the half-typed line again after it.
func TestTerminalChat(t *testing.T) {
	const goodbye = "Goodbye! Thanks for reading."
	for _, tt := range []struct {
		name string
		keys string // typed after a question is answered
	}{
		{"ctrl-c on a half-typed line", "who is the pri\x03"},
		{"ctrl-d on an empty line", "\x04"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ptm, tty := openPTY(t)
			var scr screen
			go io.Copy(&scr, ptm)
			done := make(chan int, 1)
			go func() {
				done <- cli.Run(context.Background(), nil, func(string) string { return "" }, tty, tty, io.Discard)
			}()
			at := scr.waitFor(t, "Your question: ", 0)
			if _, err := io.WriteString(ptm, natoQ+"\r"); err != nil {
				t.Fatal(err)
			}
			at = scr.waitFor(t, "Answer: 2009", at)
			at = scr.waitFor(t, "Your question: ", at)
			if _, err := io.WriteString(ptm, tt.keys); err != nil {
				t.Fatal(err)
			}
			select {
			case code := <-done:
				if code != cli.ExitOK {
					t.Errorf("the chat ended with code %d; want %d", code, cli.ExitOK)
				}
			case <-time.After(20 * time.Second):
				t.Fatalf("the chat did not end after %q; the terminal shows:\n%q", tt.keys, scr.String())
			}
			end := scr.waitFor(t, goodbye, at)
			time.Sleep(50 * time.Millisecond) // anything written after the goodbye
			out := scr.String()
			if rest := out[end:]; strings.TrimSpace(rest) != "" {
				t.Errorf("after the goodbye the terminal shows %q; want nothing", rest)
			}
			if before := out[at:end]; !strings.Contains(before, "\r\n"+goodbye) {
				t.Errorf("the goodbye is not on a line of its own: %q", before)
			}
		})
	}
}
