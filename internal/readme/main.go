// Command readme regenerates the figures of README.md from the commands
// that measure them, so that no figure there is typed by hand. `make
// report` runs it.
//
// Every generated block of the file sits between two HTML comments, which
// markdown does not show:
//
//	<!-- report: make -s eval-table -->
//	| set | questions | ... |
//	<!-- /report -->
//
// The command (run with bash from the folder of the file) prints the new
// content of the block on its standard output. To add a table to the
// README, add a block with the command that prints it; nothing else needs
// to change. Commands run one at a time, in file order; if one fails, the
// file is left as it was.
//
// Usage:
//
//	go run ./internal/readme [-check] [-only TEXT] [FILE]
//
// -check writes nothing and exits 1 when a block would change; -only runs
// only the blocks whose command contains TEXT. FILE defaults to README.md.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	check := flag.Bool("check", false, "write nothing; exit 1 if a block would change")
	only := flag.String("only", "", "run only the blocks whose command contains `TEXT`")
	flag.Parse()
	file := "README.md"
	if flag.NArg() > 0 {
		file = flag.Arg(0)
	}
	if err := run(file, *check, *only, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "readme: %v\n", err)
		os.Exit(1)
	}
}

// A block is one generated part of the file.
type block struct {
	command    string
	start, end int // the byte range of its content, between the markers
	line       int // line of the opening marker, for messages
}

var (
	openMarker  = regexp.MustCompile(`(?m)^<!-- report: (.+?) -->[ \t]*\n`)
	closeMarker = regexp.MustCompile(`(?m)^<!-- /report -->[ \t]*$`)
)

// blocks finds the generated blocks of text.
func blocks(text string) ([]block, error) {
	var out []block
	for _, m := range openMarker.FindAllStringSubmatchIndex(text, -1) {
		b := block{command: text[m[2]:m[3]], start: m[1], line: 1 + strings.Count(text[:m[0]], "\n")}
		if len(out) > 0 && out[len(out)-1].end > m[0] {
			return nil, fmt.Errorf("line %d: a report block opens inside another", b.line)
		}
		c := closeMarker.FindStringIndex(text[b.start:])
		if c == nil {
			return nil, fmt.Errorf("line %d: report block %q has no <!-- /report -->", b.line, b.command)
		}
		b.end = b.start + c[0]
		if next := openMarker.FindStringIndex(text[b.start:b.end]); next != nil {
			return nil, fmt.Errorf("line %d: report block %q is not closed before the next one", b.line, b.command)
		}
		out = append(out, b)
	}
	return out, nil
}

// render runs the commands of the blocks of text (those whose command
// contains only) and returns text with their output in place.
func render(text, dir, only string, log io.Writer) (string, error) {
	bs, err := blocks(text)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	last := 0
	for _, b := range bs {
		out.WriteString(text[last:b.start])
		last = b.end
		if !strings.Contains(b.command, only) {
			out.WriteString(text[b.start:b.end])
			continue
		}
		fmt.Fprintf(log, "readme: line %d: %s\n", b.line, b.command)
		cmd := exec.Command("bash", "-c", b.command)
		cmd.Dir = dir
		var stdout bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, log
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("line %d: %s: %w", b.line, b.command, err)
		}
		content := stdout.String()
		if content != "" && !strings.HasSuffix(content, "\n") {
			content += "\n"
		}
		out.WriteString(content)
	}
	out.WriteString(text[last:])
	return out.String(), nil
}

// errStale is returned by run with -check when a block would change.
var errStale = errors.New("README figures are not those the commands print: run make report")

func run(file string, check bool, only string, log io.Writer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	text := string(data)
	got, err := render(text, filepath.Dir(file), only, log)
	if err != nil {
		return err
	}
	if got == text {
		fmt.Fprintf(log, "readme: %s is up to date\n", file)
		return nil
	}
	if check {
		return errStale
	}
	if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "readme: %s updated; review with git diff\n", file)
	return nil
}
