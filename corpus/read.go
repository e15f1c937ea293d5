package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

var (
	// ErrNotRegular means a corpus entry named like an article is not a
	// regular file once symbolic links are followed: a named pipe, a
	// device, a socket or a folder. It is refused without being opened,
	// since opening a pipe blocks and a device such as /dev/zero never ends.
	ErrNotRegular = errors.New("not a regular file")
	// ErrCorpusTooLarge means the articles read so far already add up to
	// Parser.MaxCorpusBytes, so the remaining files were not read.
	ErrCorpusTooLarge = errors.New("corpus too large")
)

// DefaultMaxCorpusBytes is the default Parser.MaxCorpusBytes: room for tens
// of thousands of news pages, far below what would exhaust memory.
const DefaultMaxCorpusBytes = 256 << 20

// readArticle reads the file name of fsys as an article, trusting nothing
// about it: its type and size are checked from Stat (following symbolic
// links) before it is opened, checked again on the opened file, and the
// read is capped at max+1 bytes whatever Stat said (files under /proc
// report size 0). max <= 0 means no per-file limit beyond the cap the
// caller passes in budget (the bytes the corpus may still take), which
// bounds every read.
func readArticle(fsys fs.FS, name string, entry fs.DirEntry, max, budget int64) ([]byte, error) {
	info, err := statEntry(fsys, name, entry)
	if err != nil {
		return nil, err
	}
	if err := checkInfo(info, max, budget); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced between Stat and Open: check what
	// was opened before reading from it.
	info, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkInfo(info, max, budget); err != nil {
		return nil, err
	}
	limit := budget
	if max > 0 && max < limit {
		limit = max
	}
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, sizeError(int64(len(raw)), max, budget, true)
	}
	return raw, nil
}

// statEntry returns the file information of name after following symbolic
// links. File systems without Stat fall back to the directory entry, which
// is right for every entry but a link.
func statEntry(fsys fs.FS, name string, entry fs.DirEntry) (fs.FileInfo, error) {
	if sfs, ok := fsys.(fs.StatFS); ok {
		return sfs.Stat(name)
	}
	if entry != nil {
		info, err := entry.Info()
		if err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return info, nil
		}
	}
	// Nothing better to go on: the opened file is checked before reading.
	return nil, nil
}

// checkInfo refuses what is not a regular file or is larger than the
// limits; a nil info passes.
func checkInfo(info fs.FileInfo, max, budget int64) error {
	if info == nil {
		return nil
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w (%s): refused without reading it", ErrNotRegular, describeMode(info.Mode()))
	}
	if size := info.Size(); size > budget || max > 0 && size > max {
		return sizeError(size, max, budget, false)
	}
	return nil
}

// sizeError refuses a file of size bytes ("more than" size when the read
// was cut at the limit rather than sized by Stat).
func sizeError(size, max, budget int64, cut bool) error {
	more := ""
	if cut {
		more, size = "more than ", size-1
	}
	if max > 0 && size > max || cut && max > 0 && max <= budget {
		return fmt.Errorf("%w: %s%d bytes, limit %d", ErrTooLarge, more, size, max)
	}
	return fmt.Errorf("%w: %s%d bytes would go over the corpus limit (%d bytes left)", ErrCorpusTooLarge, more, size, budget)
}

// describeMode names the kind of a file that is not regular.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "mode " + m.String()
}
