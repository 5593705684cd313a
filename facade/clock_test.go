package facade

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestRealClockSleep(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	require.NoError(t, (realClock{}).Sleep(ctx, 0))
	require.NoError(t, (realClock{}).Sleep(ctx, time.Microsecond))
	cancel()
	err := (realClock{}).Sleep(ctx, time.Hour)
	require.ErrorIs(t, err, context.Canceled)
	_, err = NewClient(testToken, withClock(nil))
	require.Error(t, err, "nil clock accepted")
}
