package io.kaskad.provider;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import com.icegreen.greenmail.util.GreenMail;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.ProvidersApi;
import io.kaskad.support.TestAccounts;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail through a company's own SMTP server, on the wire: GreenMail receives the message with its
 * subject, sender, reply-to, reference header and UTF-8 text; a server that answers 550 at RCPT makes
 * the attempt NO_ACCOUNT and the cascade moves on; a server that refuses connections passes the attempt
 * to the company's next SMTP connection; a server that never answers holds back only its own company's e-mail.
 */
@IntegrationTest
class SmtpDeliveryIT {

    private static SMTPServer rejectingServer;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @BeforeAll
    static void startRejectingServer() {
        rejectingServer = SMTPServer.port(0).messageHandlerFactory(context -> new MessageHandler() {

            @Override
            public void from(String from) {
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
            }

            @Override
            public String data(java.io.InputStream data) {
                return null;
            }

            @Override
            public void done() {
            }
        }).build();
        rejectingServer.start();
    }

    @AfterAll
    static void stopRejectingServer() {
        rejectingServer.stop();
    }

    @Test
    void anEmailGoesThroughTheCompanysSmtpServer() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        new ProvidersApi(mvc, shop.bearer()).createOk(ProvidersApi.smtp("Основная почта", greenMail.getSmtp().getPort(), 10));
        String email = "anna-" + TestAccounts.unique() + "@example.org";
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String id = messages.sendOne(message("{\"email\":{\"subject\":\"Заказ {order}\",\"text\":\"Здравствуйте, {name}! Ваш заказ готов.\"}}",
                "{\"email\":\"" + email + "\",\"variables\":{\"name\":\"Анна\",\"order\":\"42\"}}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        Map<String, Object> attempt = firstAttempt(delivered);
        assertThat(attempt).containsEntry("provider", "SMTP");
        assertThat(attempt.get("connection")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("name", "Основная почта");

        MimeMessage mail = received(email);
        assertThat(mail.getSubject()).isEqualTo("Заказ 42");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@shop.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Магазин");
        assertThat(Arrays.stream(mail.getReplyTo()).map(Address::toString)).containsExactly("support@shop.example");
        assertThat(mail.getHeader("X-Kaskad-Reference")).containsExactly(id + "/0");
        assertThat(mail.getMessageID()).isEqualTo(attempt.get("providerMessageId"));
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) mail.getContent()).strip()).isEqualTo("Здравствуйте, Анна! Ваш заказ готов.");
    }

    @Test
    void aMailboxTheServerDoesNotKnowIsNoAccountAndTheCascadeMovesOn() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        new ProvidersApi(mvc, shop.bearer()).createOk(ProvidersApi.smtp("Строгая почта", rejectingServer.getPortAllocated(), 10));
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String id = messages.sendOne(message("{\"email\":{\"text\":\"Код 1234\"},\"sms\":{\"text\":\"Код 1234\"}}",
                "{\"email\":\"nobody@shop.example\",\"phone\":\"79161112233\"}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        assertThat(attempts(delivered)).containsExactly("EMAIL:NO_ACCOUNT", "SMS:DELIVERED");
        assertThat((String) firstAttempt(delivered).get("errorMessage")).contains("550").contains("User unknown");
    }

    @Test
    void aServerThatRefusesConnectionsPassesTheAttemptToTheNextConnection() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        ProvidersApi providers = new ProvidersApi(mvc, shop.bearer());
        providers.createOk(ProvidersApi.smtp("Упавший сервер", closedPort(), 10));
        providers.createOk(ProvidersApi.smtp("Запасной сервер", greenMail.getSmtp().getPort(), 20));
        String email = "boris-" + TestAccounts.unique() + "@example.org";
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String id = messages.sendOne(message("{\"email\":{\"subject\":\"Привет\",\"text\":\"Через запасной\"}}", "{\"email\":\"" + email + "\"}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        assertThat(attempts(delivered)).containsExactly("EMAIL:DELIVERED");
        assertThat(firstAttempt(delivered).get("connection")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("name", "Запасной сервер");
        assertThat(received(email).getSubject()).isEqualTo("Привет");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aFailoverConnectionKeepsToItsOwnSendRate() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        ProvidersApi providers = new ProvidersApi(mvc, shop.bearer());
        providers.createOk(ProvidersApi.smtp("Упавший сервер", closedPort(), 10));
        providers.createOk(ProvidersApi.smtp("Запасной, 1 в секунду", greenMail.getSmtp().getPort(), 20)
            .replace("\"priority\":20", "\"priority\":20,\"sendRate\":1"));
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String recipients = IntStream.range(0, 3)
            .mapToObj(i -> "{\"email\":\"r" + i + "-" + TestAccounts.unique() + "@example.org\"}")
            .collect(java.util.stream.Collectors.joining(","));
        List<String> ids = messages.send(message("{\"email\":{\"subject\":\"x\",\"text\":\"x\"}}", recipients))
            .stream()
            .map(result -> (String) result.get("id"))
            .toList();

        ids.forEach(id -> messages.awaitStatus(id, "DELIVERED"));
        // the backup's bucket holds one send a second: of three e-mails at once, some waited for a later try instead of
        // passing the backup's rate (MariaDB's driver keeps whole seconds, which may let a second one through, never a third)
        assertThat(jdbc.sql("SELECT SUM(provider_tries) FROM message_attempt WHERE company_id = ?")
            .param(shop.id())
            .query(Integer.class)
            .single()).isPositive();
    }

    /**
     * A mail server that takes connections and never says a word holds its own calls for their timeout, and nothing
     * else: calls of three batches hang on it (each batch stops waiting for them after a second), and another company's
     * e-mail goes through its own server meanwhile, as quickly as usual.
     */
    @Test
    void aServerThatNeverAnswersHoldsBackOnlyItsOwnCompanysMessages() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            TestAccounts.TestCompany stuck = accounts.company();
            new ProvidersApi(mvc, stuck.bearer()).createOk("""
                    {"name":"Молчащий сервер","channel":"email","type":"SMTP","priority":10,
                     "settings":{"host":"127.0.0.1","port":%d,"security":"none","fromAddress":"noreply@stuck.example",
                                 "timeoutSeconds":60}}""".formatted(silent.port()));
            MessagesApi stuckMessages = new MessagesApi(mvc, stuck.bearer());
            List<String> held = new ArrayList<>();
            for (int batch = 1; batch <= 3; batch++) {
                for (int i = 0; i < 2; i++) {
                    held.add(stuckMessages.sendOne(message("{\"email\":{\"text\":\"Ждём\"}}",
                            "{\"email\":\"held-" + TestAccounts.unique() + "@stuck.example\"}")));
                }
                int connections = 2 * batch;
                await().atMost(Duration.ofSeconds(10)).until(silent::accepted, accepted -> accepted >= connections);
            }

            TestAccounts.TestCompany shop = accounts.company();
            new ProvidersApi(mvc, shop.bearer()).createOk(ProvidersApi.smtp("Основная почта", greenMail.getSmtp().getPort(), 10));
            MessagesApi messages = new MessagesApi(mvc, shop.bearer());
            String email = "vera-" + TestAccounts.unique() + "@example.org";
            String id = messages.sendOne(message("{\"email\":{\"text\":\"Не ждём\"}}", "{\"email\":\"" + email + "\"}"));
            // as quickly as usual, while all six calls still hang (their timeout is a minute)
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> messages.get(id), message -> "DELIVERED".equals(message.get("status")));

            assertThat(received(email).getContent().toString().strip()).isEqualTo("Не ждём");
            assertThat(silent.open()).as("the six calls still hang on the silent server").isEqualTo(6);
            for (String heldId : held) {
                // a message shows it is with its provider once its call has run for a second
                stuckMessages.awaitStatus(heldId, "SENDING");
            }
        }
    }

    /** A server that accepts every connection and never writes a byte; counts the connections its clients still hold open. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0);
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final AtomicInteger open = new AtomicInteger();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(this::accept, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return connections.size();
        }

        int open() {
            return open.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.add(socket);
                    open.incrementAndGet();
                    Thread reader = new Thread(() -> readUntilClosed(socket), "silent-smtp-connection");
                    reader.setDaemon(true);
                    reader.start();
                }
                catch (IOException closed) {
                    return;
                }
            }
        }

        /** A client says nothing before the greeting it waits for: the read ends when it gives up and closes. */
        private void readUntilClosed(Socket socket) {
            try (var in = socket.getInputStream()) {
                while (in.read() >= 0) {
                    // ignored
                }
            }
            catch (IOException closed) {
                // closed by either side
            }
            open.decrementAndGet();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }

    private MimeMessage received(String recipient) throws Exception {
        List<MimeMessage> matching = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            }
            catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        assertThat(matching).as("one e-mail to " + recipient).hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstAttempt(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("attempts")).get(0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
