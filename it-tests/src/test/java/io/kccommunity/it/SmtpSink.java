package io.kccommunity.it;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A tiny SMTP server on a free local port that keeps every message Keycloak's real email sender
 * delivers to it, decoded with Jakarta Mail: what a mailbox would receive, nothing of ours mocked.
 */
final class SmtpSink implements AutoCloseable {

    record Mail(List<String> to, String subject, String text, String html) {
    }

    private final ServerSocket server;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "smtp-sink");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Mail> to(String address) {
        return mails.stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Waits up to 30 s for a mail to this address that matches. */
    Mail await(String address, Predicate<Mail> matching) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            for (Mail mail : to(address)) {
                if (matching.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching mail to " + address + "; it has " + to(address));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (Exception e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void converse(Socket socket) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 sink");
        List<String> to = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "RCPT" -> {
                    to.add(line.replaceAll(".*<(.*)>.*", "$1").toLowerCase());
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with .");
                    StringBuilder raw = new StringBuilder();
                    for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                        raw.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                    }
                    mails.add(decode(List.copyOf(to), raw.toString().getBytes(StandardCharsets.ISO_8859_1)));
                    to.clear();
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static Mail decode(List<String> to, byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        String text = null;
        String html = null;
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                } else if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                }
            }
        } else {
            text = String.valueOf(message.getContent());
        }
        return new Mail(to, message.getSubject(), text, html);
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
