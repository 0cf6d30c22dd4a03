// Package results writes an experiment's result set — NAME.json, NAME.csv
// and one figure file per format — for the headless runner and the lab's
// Export alike, so that a reader always finds either the whole old set or
// the whole new set, even after SIGKILL or a power cut.
//
// # Layout
//
// The output folder DIR holds the set under the names users read, but each
// of them is a symbolic link through one pointer:
//
//	DIR/NAME.json  -> .NAME.current/NAME.json
//	DIR/NAME.csv   -> .NAME.current/NAME.csv
//	DIR/NAME.png   -> .NAME.current/NAME.png   (one per figure format)
//	DIR/.NAME.current -> .NAME.set-XXXX        (the pointer)
//	DIR/.NAME.set-XXXX/NAME.json, NAME.csv, NAME.png, …
//
// A write fills a fresh directory .NAME.set-YYYY, fsyncs its files and the
// directory, and then replaces the pointer by rename(2), which is atomic:
// at every instant the names in DIR resolve into one complete set. Only
// then are the links of formats the new set lacks removed (a link whose
// target is missing reads as an absent file) and the old set's directory
// deleted. Nothing else in DIR is touched, so DIR may be a folder shared by
// several experiments' sets and by the user's own files; it needs no write
// permission on its parent, unlike swapping DIR itself with a staging
// directory (renameat2 RENAME_EXCHANGE), which would also have to carry
// every unrelated file and subfolder across.
//
// Regular files left at the set's names by an earlier version are adopted
// first: hard-linked (or copied) into a set directory that the pointer then
// names, and replaced one by one by links showing the same content.
//
// A write encodes the JSON in memory before it touches anything, so a value
// JSON cannot hold (NaN) fails the write and leaves the old set as it was;
// likewise a canceled context or a failing file. Stale temporaries of a
// killed write are removed at the start of the next write of the same set.
// Concurrent writers are guarded with flock(2): a set directory being
// written is locked, so another writer does not remove it as stale, and
// the short steps from cleaning to swapping the pointer hold a lock on DIR
// itself, so writers commit one at a time (on systems without flock these
// guards are absent).
//
// Where symbolic links cannot be made (Windows without developer mode, FAT
// file systems) the files are renamed into DIR one at a time: each file is
// complete, but the set is not atomic.
package results
