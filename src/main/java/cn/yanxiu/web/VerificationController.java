package cn.yanxiu.web;

import cn.yanxiu.certificates.Certificates;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public certificate verification page (no login): the address a certificate's QR code leads to.
 * It confirms a serial and shows the basis — term, rule-set hash, hours, approvals with dates — or says
 * plainly that a certificate is revoked or not genuine.
 */
@Controller
class VerificationController {

    private final Certificates certificates;

    VerificationController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/verify/{serial}")
    String page(@PathVariable String serial, Model model) {
        model.addAttribute("v", certificates.verify(serial));
        return "verify";
    }

    @GetMapping("/api/certificates/{serial}")
    @ResponseBody
    ResponseEntity<Certificates.Verification> api(@PathVariable String serial) {
        Certificates.Verification v = certificates.verify(serial);
        return v.status() == Certificates.Verification.Status.NOT_GENUINE ? ResponseEntity.status(404).body(v) : ResponseEntity.ok(v);
    }
}
