// Package repocheck holds no code, only tests of the repository's own files,
// so that documentation and tooling cannot drift from the code:
//
//   - every ```go block of README.md compiles (readme_test.go, which says how
//     a fragment is completed into a file);
//   - the README's first program, copied verbatim into a module outside the
//     repository, builds, runs against intercomtest, and `go mod tidy` there
//     adds none of the project's tools (first_program_test.go);
//   - CHANGELOG.md's newest release is facade.Version (changelog_test.go);
//   - `make check-generated` refuses to overwrite uncommitted changes in gen/
//     (makefile_test.go).
package repocheck
