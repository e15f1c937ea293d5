package discordtest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"sync/atomic"
	"time"
)

// discordEpoch is the first millisecond of 2015 in Unix milliseconds; Discord
// snowflakes count from it.
const discordEpoch = 1420070400000

// lastSnowflake is the last ID handed out. It is shared by every Server and
// builder in the test binary so IDs never collide between servers, which
// matters because discordgo's endpoints are process-wide.
var lastSnowflake atomic.Uint64

// NewSnowflake returns a new, unique, increasing Discord ID whose timestamp
// part is the current time, so discordgo.SnowflakeTimestamp works on it.
func NewSnowflake() string {
	for {
		old := lastSnowflake.Load()
		next := uint64(time.Now().UnixMilli()-discordEpoch)<<22 | 1<<17
		if next <= old {
			next = old + 1
		}
		if lastSnowflake.CompareAndSwap(old, next) {
			return strconv.FormatUint(next, 10)
		}
	}
}

// newInteractionToken returns an opaque continuation token shaped like
// Discord's (long, URL-safe base64).
func newInteractionToken() string {
	b := make([]byte, 48)
	rand.Read(b) // crypto/rand.Read never returns an error
	return "aW50ZXJhY3Rpb24" + base64.RawURLEncoding.EncodeToString(b)
}

// newSessionID returns a gateway session ID: 32 hex digits, like Discord's.
func newSessionID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
