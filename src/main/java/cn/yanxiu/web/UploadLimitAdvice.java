package cn.yanxiu.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit is refused before any controller is chosen, so this advice applies to
 * every request: the page says what happened and nothing was read into the database.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final long sessionSeconds;
    private final DataSize limit;

    UploadLimitAdvice(@Value("${server.servlet.session.timeout:30m}") Duration timeout,
                      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize limit) {
        this.sessionSeconds = timeout.toSeconds();
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("sessionSeconds", sessionSeconds);
        model.addAttribute("error", "上传的文件超过大小上限（" + limit.toMegabytes() + " MB），未导入任何内容");
        return "problem";
    }
}
