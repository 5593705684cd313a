package intercomtest

import (
	"bytes"
	"encoding/binary"

	"github.com/google/uuid"
)

// countedUUID is a version 4 UUID drawn from the numbers given rather than
// at random: hi fills its first eight bytes and lo its last eight (with the
// version and variant bits uuid sets), so a fake's request ids, visitor
// user_ids and scroll params are the same from run to run and tell their
// order, yet have the form of Intercom's.
func countedUUID(hi, lo uint64) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], hi)
	binary.BigEndian.PutUint64(b[8:], lo)
	u, err := uuid.NewRandomFromReader(bytes.NewReader(b[:]))
	if err != nil {
		panic(err) // a reader of 16 bytes gives the 16 a UUID takes
	}
	return u.String()
}
