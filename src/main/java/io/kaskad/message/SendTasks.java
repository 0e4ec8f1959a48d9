package io.kaskad.message;

/**
 * What sending needs from send tasks, implemented by the task module (which depends on this one): a
 * send API call's {@code taskId} must name one of the company's tasks.
 */
public interface SendTasks {

    boolean exists(long companyId, String taskId);
}
