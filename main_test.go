package main_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mustBuild builds the qabot binary once per test run, as `make build`
// does, into a temporary folder.
func mustBuild(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "qabot")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestEndToEnd runs the README's first commands against the real binary,
// and checks that a signal ends a chat that waits for input.
func TestEndToEnd(t *testing.T) {
	bin := mustBuild(t)
	const q = "when did albania join nato?"

	t.Run("piped chat", func(t *testing.T) {
		cmd := exec.Command(bin)
		cmd.Stdin = strings.NewReader(q + "\n")
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "2009") {
			t.Errorf("echo %q | qabot = %q, %v; want an answer with 2009", q, out, err)
		}
	})

	t.Run("ask json", func(t *testing.T) {
		out, err := exec.Command(bin, "ask", "--json", q).Output()
		if err != nil {
			t.Fatalf("qabot ask --json: %v", err)
		}
		var r struct {
			Answered bool   `json:"answered"`
			Answer   string `json:"answer"`
		}
		if err := json.Unmarshal(out, &r); err != nil || !r.Answered || !strings.Contains(r.Answer, "2009") {
			t.Errorf("qabot ask --json %q = %s (%v); want answered with 2009", q, out, err)
		}
	})

	t.Run("signal", func(t *testing.T) {
		cmd := exec.Command(bin, "ask", "--json")
		stdin, err := cmd.StdinPipe() // stays open: qabot waits for a line
		if err != nil {
			t.Fatal(err)
		}
		defer stdin.Close()
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// One answer first: then qabot has surely set up its signal
		// handling (a fixed sleep is too short on a busy machine), and
		// it waits for the next line.
		if _, err := io.WriteString(stdin, q+"\n"); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
			t.Fatalf("first answer: %v", err)
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 130 {
				t.Errorf("qabot after SIGTERM: %v, want exit status 130", err)
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			t.Fatal("qabot did not stop on SIGTERM")
		}
	})
}

// TestVersion checks that the binary reports the commit the Go toolchain
// recorded in it (go version -m), or "unknown" when it recorded none (a
// build outside a git checkout, a git worktree, or -buildvcs=false).
func TestVersion(t *testing.T) {
	bin := mustBuild(t)
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("qabot version: %v", err)
	}
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	want := "unknown"
	for line := range strings.SplitSeq(string(info), "\n") {
		if _, rev, ok := strings.Cut(line, "vcs.revision="); ok {
			want = strings.TrimSpace(rev)
		}
	}
	if !strings.HasPrefix(string(out), "qabot ") || !strings.Contains(string(out), "\ncommit:      "+want) {
		t.Errorf("qabot version = %q; want the first line \"qabot VERSION\" and the commit %s", out, want)
	}
}
