# Builds and installs Rehearse like any command-line tool:
#
#   make install PREFIX=~/.local      the binary, its bank, the man page and completions
#   make uninstall PREFIX=~/.local    removes exactly what install put there
#   make installcheck                 installs into a temporary prefix and checks the result
#
# The binary links the Swift runtime and Foundation statically and is stripped, so it runs on a
# machine without the Swift toolchain (it needs only the C libraries: libc, readline, SQLite).
# It finds its bank at <prefix>/share/rehearse from its own real path, from any folder and
# through symbolic links. DESTDIR is honoured for packaging.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# The release build has a folder of its own: its flags differ from `swift build`'s, and sharing
# .build would rebuild one or the other each time.
BUILD ?= .build-release

PROGRAM := $(BUILD)/release/rehearse
GENERATED := $(BUILD)/generated
MANUAL_TOOL := $(BUILD)/manual-tool/debug/generate-manual

BINDIR := $(DESTDIR)$(PREFIX)/bin
DATADIR := $(DESTDIR)$(PREFIX)/share/rehearse
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build man completions install uninstall installcheck clean

all: build man completions

build:
	$(SWIFT) build -c release --product rehearse --static-swift-stdlib -Xlinker -s \
		--scratch-path $(BUILD)

# The manual comes from the commands' own help, through ArgumentParser's manual generator, built
# from the copy of ArgumentParser the build resolved.
man: build
	$(SWIFT) build --package-path $(BUILD)/checkouts/swift-argument-parser \
		--scratch-path $(BUILD)/manual-tool --product generate-manual
	mkdir -p $(GENERATED)/man
	$(MANUAL_TOOL) $(PROGRAM) --output-directory $(GENERATED)/man \
		--date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"
	# The help's blank lines between paragraphs, as mdoc's paragraph macro: man warns of each
	# empty line otherwise.
	sed 's/^$$/.Pp/' $(GENERATED)/man/rehearse.1 > $(GENERATED)/man/rehearse.1.tmp
	mv $(GENERATED)/man/rehearse.1.tmp $(GENERATED)/man/rehearse.1

completions: build
	mkdir -p $(GENERATED)/completions
	$(PROGRAM) --generate-completion-script bash > $(GENERATED)/completions/rehearse.bash
	$(PROGRAM) --generate-completion-script zsh > $(GENERATED)/completions/_rehearse
	$(PROGRAM) --generate-completion-script fish > $(GENERATED)/completions/rehearse.fish

install: all
	install -d $(BINDIR) $(DATADIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(PROGRAM) $(BINDIR)/rehearse
	# A bank installed before is replaced whole: a question removed since must not linger.
	rm -rf $(DATADIR)/question-bank $(DATADIR)/rubrics $(DATADIR)/models
	cp -R question-bank rubrics models $(DATADIR)/
	chmod -R u=rwX,go=rX $(DATADIR)
	install -m 0644 $(GENERATED)/man/rehearse.1 $(MANDIR)/rehearse.1
	install -m 0644 $(GENERATED)/completions/rehearse.bash $(BASHDIR)/rehearse
	install -m 0644 $(GENERATED)/completions/_rehearse $(ZSHDIR)/_rehearse
	install -m 0644 $(GENERATED)/completions/rehearse.fish $(FISHDIR)/rehearse.fish

uninstall:
	rm -f $(BINDIR)/rehearse $(MANDIR)/rehearse.1 $(BASHDIR)/rehearse $(ZSHDIR)/_rehearse \
		$(FISHDIR)/rehearse.fish
	rm -rf $(DATADIR)

installcheck:
	scripts/install-check.sh

clean:
	rm -rf $(BUILD)
