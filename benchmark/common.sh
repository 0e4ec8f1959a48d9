# What benchmark/run.sh and benchmark/chaos.sh share; sourced, not run.

# build_jar WORK: builds the application jar into $jar, and puts the JDBC drivers (and the XLSX writer)
# for the Java clients under WORK/lib, taken from the jar with the JDK's jar tool (no unzip needed).
build_jar() {
  echo "== building the jar"
  ./mvnw -q -B -DskipTests package
  jar="$(ls target/kaskad-*.jar | head -n 1)"
  mkdir -p "$1/lib"
  local drivers
  drivers=$(jar tf "$jar" | grep -E '^BOOT-INF/lib/(mysql-connector-j|h2|fastexcel|opczip|jsmpp|slf4j-api)-.*\.jar$')
  (cd "$1/lib" && jar xf "$OLDPWD/$jar" $drivers)
}

# recreate_database NAME USER PASSWORD: an empty database on the local MariaDB/MySQL, and its user.
recreate_database() {
  local sql_client
  sql_client=$(command -v mariadb || command -v mysql)
  "$sql_client" --protocol=tcp -h 127.0.0.1 -uroot <<SQL
DROP DATABASE IF EXISTS \`$1\`;
CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$2'@'%' IDENTIFIED BY '$3';
CREATE USER IF NOT EXISTS '$2'@'localhost' IDENTIFIED BY '$3';
GRANT ALL PRIVILEGES ON \`$1\`.* TO '$2'@'%';
GRANT ALL PRIVILEGES ON \`$1\`.* TO '$2'@'localhost';
SQL
}
