# The launcher's second half (bin/redux_cli reads it with ".", so it shares its variables: home, jvm_opts, group,
# command, and the arguments): running on the user's Java 17+, JAVA_HOME's else the PATH's, when the distribution has
# no runtime of its own. It never returns: it runs the command and exits with its status.

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
  java=java
else
  echo "redux_cli: no Java found; install a JDK 17 or newer, or set JAVA_HOME to one" >&2
  exit 1
fi

# The real folder of the JDK that runs, as its java.home says; empty when it cannot be told (then not the build's
# archive).
java_home() {
  if [ "$java" != java ]; then
    cd "$JAVA_HOME" 2>/dev/null && pwd -P
  else
    java_binary=$(readlink -f "$(command -v java)" 2>/dev/null) && printf '%s\n' "${java_binary%/bin/java}"
  fi
}

# Class data sharing: classes already parsed and verified, mapped instead of loaded. One archive or the other:
# - The build's, lib/redux_cli.jsa (see CdsArchive): a static archive of a training run of every command, chat
#   included, against a loopback endpoint. It is used only in the folder it was made for (its absolute class path
#   is recorded in it) and with the JDK that made it, same folder and same version: a JVM that rejects it would also
#   drop the JDK's own archive.
# - Otherwise (an unpacked tar.gz, another JDK), the first chat records the classes it loads (-XX:ArchiveClassesAtExit,
#   thousands: the AWS SDK, Netty, Jackson, Guice) on top of the JDK's own archive, and later runs map them instead
#   of loading them again. It lives in the distribution's cache/ folder, or the user's cache when that is read-only,
#   and is rebuilt when the jars change.
# REDUX_CDS=off turns both off.
cds_opts=
cds_dump=
if [ "${REDUX_CDS:-on}" != off ] && [ -f "$home/lib/redux_cli.jsa" ] && [ -f "$home/lib/redux_cli.jsa.home" ]; then
  { read -r made_for; read -r made_by; read -r made_with; } < "$home/lib/redux_cli.jsa.home"
  if [ "$made_for" = "$home" ] && [ "$made_by" = "$(java_home)" ] &&
    [ "$made_with" = "$(runtime_version "$made_by")" ]; then
    cds_opts="-XX:SharedArchiveFile=$home/lib/redux_cli.jsa"
  fi
fi
if [ -z "$cds_opts" ] && [ "${REDUX_CDS:-on}" != off ]; then
  if { [ -d "$home/cache" ] && [ -w "$home/cache" ]; } || { [ ! -e "$home/cache" ] && [ -w "$home" ]; }; then
    cache=$home/cache
  else
    cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/redux_cli
  fi
  # Only a chat records an archive, so other commands look further only when one was recorded.
  recorded=
  for file in "$cache"/redux_cli-*.jsa; do
    [ -f "$file" ] && recorded=yes
    break
  done
  if [ -n "$recorded" ] || [ "$group" = chat ]; then
    # The archive's name holds two keys: one for this installation and JDK (the folder, the java binary), one for
    # the jars (their names, sizes and times, which is what the JVM checks an archive against). A release unpacked
    # over an older one gets a new archive instead of one the JVM would reject in silence, even though its jars keep
    # the build's fixed timestamp; the superseded archive of the same installation and JDK is deleted when the new
    # one is written.
    install_key=$({ printf '%s\n' "$home"; ls -lL "$(command -v "$java")"; } 2>/dev/null | cksum)
    jars_key=$(ls -l "$home/lib" 2>/dev/null | cksum)
    archive_prefix=$cache/redux_cli-${install_key%% *}-
    archive=$archive_prefix${jars_key%% *}.jsa
    if [ -f "$archive" ]; then
      cds_opts="-XX:SharedArchiveFile=$archive"
    elif [ "$group" = chat ] && { [ -d "$cache" ] || mkdir -p "$cache" 2>/dev/null; } && [ -w "$cache" ]; then
      cds_dump=$archive.$$.tmp
      cds_opts="-XX:ArchiveClassesAtExit=$cds_dump"
    fi
  fi
fi

# sqlite-jdbc loads its native library, which JDK 24+ warns about unless native access is enabled. Only the command
# that reads SQLite gets the flag (JDK 17 accepts it too): on newer JDKs it turns off the archived module graph, which
# makes every start markedly slower (docs/performance.md).
if [ "$group" = conversations ] && [ "$command" = migrate ]; then
  jvm_opts="$jvm_opts --enable-native-access=ALL-UNNAMED"
fi

if [ -z "$cds_dump" ]; then
  exec "$java" $jvm_opts ${cds_opts:+"$cds_opts"} ${REDUX_JAVA_OPTS:-} -cp "$home/lib/*" io.redux.cli.Main "$@"
fi

# This run writes the archive: under a temporary name, then renamed, so a concurrent run never maps a half-written one.
# Ctrl-C belongs to the JVM (it stops an answer in flight); the shell only waits for it, with a no-op trap so it
# neither dies nor makes java ignore the signal.
trap : INT
"$java" $jvm_opts ${cds_opts:+"$cds_opts"} -Xlog:cds+dynamic=off ${REDUX_JAVA_OPTS:-} -cp "$home/lib/*" \
  io.redux.cli.Main "$@"
status=$?
if [ -s "$cds_dump" ]; then
  if mv -f "$cds_dump" "$archive" 2>/dev/null; then
    for old in "$archive_prefix"*.jsa; do
      [ "$old" = "$archive" ] || rm -f "$old"
    done
  else
    rm -f "$cds_dump"
  fi
else
  rm -f "$cds_dump"
fi
exit $status
